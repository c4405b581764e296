"""Pages of councils: one module per sub-feature, named from urls.py (`views.bodies.index`)."""
