"""A partner's role in words, said once: on partner pages, the partners index and the cards alike."""

from __future__ import annotations

from ..content.page_kinds import _

# Every role content/partners.py accepts, as a partner page and its card name it.
ROLE_NAMES = {
    "coordinator": _("Project coordinator"),
    "co-coordinator": _("Co-coordinator"),
    "city": _("City"),
    "technical-partner": _("Technical partner"),
}
# The partners index's groups, in order, each with the roles it lists: a co-coordinator is listed
# with the coordinator.
GROUPS = {
    "coordinator": (_("Coordinators"), ("coordinator", "co-coordinator")),
    "city": (_("Cities"), ("city",)),
    "technical-partner": (_("Technical partners"), ("technical-partner",)),
}
GROUP_NAMES = {group: name for group, (name, _roles) in GROUPS.items()}


def role_name(role: str, gettext) -> str:
    return gettext(ROLE_NAMES[role])


def grouped(partners: list) -> list[tuple[str, list]]:
    """(group, its partners) for each group, in the index's order."""
    return [(group, [p for p in partners if p.role in roles]) for group, (_name, roles) in GROUPS.items()]
