"""The grants API (`/api/v1/grants`): one router per sub-feature, mounted here."""

from ninja import Router

router = Router(tags=["grants"])
