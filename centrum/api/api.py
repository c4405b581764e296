from ninja import NinjaAPI

api = NinjaAPI(title="Centrum API", version="1", urls_namespace="api")
