"""What the programmes app contributes to core: the module and its links."""

from django.utils.translation import gettext_lazy as _

from centrum.core import registry

MODULE = registry.register_module(
    registry.Module(
        label="programmes",
        name=_("Program współpracy"),
        description=_("Roczny lub wieloletni program współpracy z organizacjami pozarządowymi (art. 5a)."),
        url_namespaces=("programmes",),
        requires=("organisations",),
        public_url_name="programmes:index",
        api_paths=("/api/v1/programmes",),
        order=45,
    )
)
