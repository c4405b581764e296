"""Import, export and KRS look-up (staff and registering persons)."""

urlpatterns: list = []
