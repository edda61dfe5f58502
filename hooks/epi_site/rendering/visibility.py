"""The EU funding statement and disclaimer, in every language."""

from __future__ import annotations

from ..content.i18n import translations
from ..project import Project
from ..content.site_info import SiteInfo


def funded_by(project: Project, lang: str) -> str:
    return translations(project, lang).gettext("Funded by the European Union")


def funding_line(project: Project, lang: str, site: SiteInfo) -> str:
    return translations(project, lang).gettext(
        "The European Pact for Integration (EPI) has received funding from the European Union's Asylum, "
        "Migration and Integration Fund (AMIF) under grant agreement No %(number)s."
    ) % {"number": site.grant_agreement}


def disclaimer(project: Project, lang: str) -> str:
    return translations(project, lang).gettext(
        "The content of this publication represents the views of its authors only and is their sole "
        "responsibility. The European Commission does not accept any responsibility for any use that may "
        "be made of the information it contains."
    )
