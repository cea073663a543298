"""Every text of the user interface in Dutch and English, side by side: key -> (Dutch, English)."""

from __future__ import annotations

_PAIRS: dict[str, tuple[str, str]] = {
    # navigation and roles
    "nav.label": ("Hoofdmenu", "Main menu"),
    "nav.dashboard": ("Overzicht", "Dashboard"),
    "nav.customers": ("Klanten", "Customers"),
    "nav.interviews": ("Interviews", "Interviews"),
    "nav.promises": ("Afspraken", "Promises"),
    "nav.process": ("Proces", "Process"),
    "nav.themes": ("Thema's en zoeken", "Themes and search"),
    "nav.corrections": ("Correcties", "Corrections"),
    "nav.users": ("Gebruikers", "Users"),
    "nav.signout": ("Afmelden", "Sign out"),
    "role.admin": ("beheerder", "admin"),
    "role.manager": ("manager", "manager"),
    "role.analyst": ("analist", "analyst"),
    "role.agent": ("medewerker klantcontact", "agent"),
    "role.interviewer": ("interviewer", "interviewer"),
    # signing in
    "signin.title": ("Aanmelden", "Sign in"),
    "signin.email": ("E-mailadres", "E-mail address"),
    "signin.password": ("Wachtwoord", "Password"),
    "signin.submit": ("Aanmelden", "Sign in"),
    "signin.failed": (
        "Het e-mailadres of het wachtwoord klopt niet.",
        "The e-mail address or the password is not right.",
    ),
    "signin.locked": (
        "Te veel mislukte pogingen. Probeer het over een kwartier opnieuw.",
        "Too many failed attempts. Try again in a quarter of an hour.",
    ),
    # errors
    "error.home": ("Naar de startpagina", "To the start page"),
    "error.forbidden": ("Uw rol geeft geen toegang tot deze pagina.", "Your role does not give access to this page."),
    "error.csrf": (
        "Het formulier is verlopen. Ga terug, laad de pagina opnieuw en probeer het nog eens.",
        "The form has expired. Go back, reload the page and try again.",
    ),
    "error.not_found": ("Deze pagina of dit gegeven bestaat niet.", "This page or record does not exist."),
    "error.bad_request": ("Er klopt iets niet aan wat is ingevuld.", "Something in what was filled in is not right."),
    "error.configuration": ("De instellingen van klantstem kloppen niet.", "klantstem's settings are not right."),
    "error.conflict": ("Dit kan nu niet.", "This cannot be done now."),
    # account and users
    "account.title": ("Mijn account", "My account"),
    "account.tokens": ("API-sleutels", "API tokens"),
    "account.tokens_help": (
        "Met een API-sleutel haalt een ander programma dezelfde gegevens op als u ziet, via /api.",
        "With an API token another program fetches the same data you see, through /api.",
    ),
    "account.new_secret": (
        "Uw nieuwe sleutel (wordt maar één keer getoond):",
        "Your new token (shown only once):",
    ),
    "account.token_name": ("Naam", "Name"),
    "account.created": ("Gemaakt", "Created"),
    "account.last_used": ("Laatst gebruikt", "Last used"),
    "account.revoked": ("ingetrokken", "revoked"),
    "account.revoke": ("Intrekken", "Revoke"),
    "account.no_tokens": ("Nog geen sleutels.", "No tokens yet."),
    "account.make_token": ("Sleutel maken", "Make a token"),
    "users.title": ("Gebruikers", "Users"),
    "users.name": ("Naam", "Name"),
    "users.role": ("Rol", "Role"),
    "users.active": ("Actief", "Active"),
    "users.save": ("Opslaan", "Save"),
    "users.add": ("Gebruiker toevoegen", "Add a user"),
}

MESSAGES: dict[str, dict[str, str]] = {
    "nl": {key: pair[0] for key, pair in _PAIRS.items()},
    "en": {key: pair[1] for key, pair in _PAIRS.items()},
}
