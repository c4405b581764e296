def scope_of(request) -> str:
    scope = request.POST.get("scope", "one")
    return scope if scope in {"one", "following", "series"} else "one"
