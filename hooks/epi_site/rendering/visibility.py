"""The EU funding statement and disclaimer, in every language."""

from __future__ import annotations

from ..content.site_info import SiteInfo
from .language import Language


def funded_by(language: Language) -> str:
    return language.gettext("Funded by the European Union")


def funding_line(language: Language, site: SiteInfo) -> str:
    return language.gettext(
        "The European Pact for Integration (EPI) has received funding from the European Union's Asylum, "
        "Migration and Integration Fund (AMIF) under grant agreement No %(number)s."
    ) % {"number": site.grant_agreement}


def disclaimer(language: Language) -> str:
    return language.gettext(
        "The content of this publication represents the views of its authors only and is their sole "
        "responsibility. The European Commission does not accept any responsibility for any use that may "
        "be made of the information it contains."
    )
