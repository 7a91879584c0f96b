"""Partner links on a built page: links to a company that pays the site when a reader buys
something through them.

Editors declare partners in `data/partners.yml` (their hosts) and mark every partner link in the
page, with the notice marker before the first one:

    <!-- md:partner-notice -->
    ...
    [Kussen bij Voorbeeldwinkel](https://shop.example/kussen){ .partner }

Both are required, so a partner link is never published by accident and never hidden: a link to a
partner host without `{ .partner }` fails the build, and so does `{ .partner }` on a link to a host
that is not in the data file. The marker becomes the notice (overrides/partials/partner-notice.html,
text in data/labels.yml); it must come before the page's first partner link and only on pages that
have one. In the built page every partner link has rel="sponsored noopener noreferrer" and the
visible label (overrides/partials/partner-label.html), added by rls_site.markdown.links, which
also holds the rules on the page's Markdown (`check_partner_markdown`); the checks here repeat them
over the built HTML, for links that come from templates.
Pure functions, usable without MkDocs; hooks/publication_checks.py calls them.
"""

from __future__ import annotations

from rls_site.checks.built_page import BuiltPage, normalize
from rls_site.errors import ContentError
from rls_site.markdown.links import MARK, NOTICE_MARKER, PARTNER_CLASS, PARTNER_REL, PARTNERS_FILE, is_partner_host
from rls_site.urls import host_of

LABEL_CLASS = "partner-label"  # the visible label after each partner link
NOTICE_CLASS = "partner-notice"  # the notice before the first partner link

# --- The built HTML ------------------------------------------------------------------------


def check_partner_html(page: BuiltPage, file: str, hosts: list[str], label: str) -> list[ContentError]:
    """The same rules on a built page, whatever template or hook produced its links."""
    errors = []
    partner_links = []
    for link in page.links:
        host = host_of(link.attrs.get("href") or "")
        marked = PARTNER_CLASS in (link.attrs.get("class") or "").split()
        partner_host = is_partner_host(host, hosts)
        if not (partner_host or marked):
            continue
        partner_links.append(link)
        # One problem per link: an unmarked or unknown one gets no rel or label to check.
        if not marked:
            errors.append(
                ContentError(
                    file,
                    "partner-link-unmarked",
                    line=link.line,
                    address=link.attrs["href"],
                    nl=f"de link naar {link.attrs['href']} gaat naar een partner ({host} staat in {PARTNERS_FILE}), maar is niet als "
                    f'partnerlink gemarkeerd (class="{PARTNER_CLASS}").',
                    en=f"the link to {link.attrs['href']} goes to a partner ({host} is in {PARTNERS_FILE}) but is not marked as a partner "
                    f'link (class="{PARTNER_CLASS}").',
                    fix_nl=f'schrijf in een pagina [tekst](url){MARK}; voeg in een template class="{PARTNER_CLASS}" en de melding toe.',
                    fix_en=f'in a page write [text](url){MARK}; in a template add class="{PARTNER_CLASS}" and the notice.',
                )
            )
            continue
        if not partner_host:
            errors.append(
                ContentError(
                    file,
                    "partner-link-unknown",
                    line=link.line,
                    address=link.attrs.get("href"),
                    nl=f"de link naar {link.attrs.get('href')} is als partnerlink gemarkeerd, maar {host or 'de site'} staat niet in "
                    f"{PARTNERS_FILE}.",
                    en=f"the link to {link.attrs.get('href')} is marked as a partner link, but {host or 'its host'} is not in "
                    f"{PARTNERS_FILE}.",
                    fix_nl=f"voeg de site toe aan {PARTNERS_FILE}, of haal de partnermarkering weg.",
                    fix_en=f"add the host to {PARTNERS_FILE}, or remove the partner mark.",
                )
            )
            continue
        rel = (link.attrs.get("rel") or "").split()
        missing = [token for token in PARTNER_REL if token not in rel]
        if missing:
            errors.append(
                ContentError(
                    file,
                    "partner-link-rel",
                    line=link.line,
                    nl=f'de partnerlink naar {link.attrs.get("href")} mist rel="{" ".join(missing)}" (gevonden: rel="{" ".join(rel)}").',
                    en=f'the partner link to {link.attrs.get("href")} lacks rel="{" ".join(missing)}" (found rel="{" ".join(rel)}").',
                    fix_nl='partnerlinks krijgen rel="sponsored noopener noreferrer" van rls_site.markdown.links; controleer dat die '
                    "onder 'markdown_extensions:' in mkdocs.yml staat.",
                    fix_en='partner links get rel="sponsored noopener noreferrer" from rls_site.markdown.links; check that it is listed '
                    "under 'markdown_extensions:' in mkdocs.yml.",
                )
            )
        following = normalize(page.text_of(link) + " " + page.text_after(link, len(label) + 8))
        if label.lower() not in following.lower():
            errors.append(
                ContentError(
                    file,
                    "partner-link-label",
                    line=link.line,
                    nl=f"de partnerlink naar {link.attrs.get('href')} heeft geen zichtbaar label '{label}'.",
                    en=f"the partner link to {link.attrs.get('href')} has no visible label '{label}'.",
                    fix_nl=f"het label komt uit overrides/partials/{LABEL_CLASS}.html met de tekst 'partner_label' in data/labels.yml; "
                    "zet het template terug.",
                    fix_en=f"the label comes from overrides/partials/{LABEL_CLASS}.html with the text 'partner_label' in data/labels.yml; "
                    "restore the template.",
                )
            )
    notice = next(iter(page.with_class(NOTICE_CLASS)), None)
    if partner_links and (notice is None or not page.before(notice, partner_links[0])):
        errors.append(
            ContentError(
                file,
                "partner-notice-missing",
                line=partner_links[0].line,
                nl=f"de pagina heeft een partnerlink (naar {partner_links[0].attrs.get('href')}) zonder de partnermelding ervoor.",
                en=f"the page has a partner link (to {partner_links[0].attrs.get('href')}) without the partner-link notice before it.",
                fix_nl=f"zet <!-- md:{NOTICE_MARKER} --> voor de eerste partnerlink; de melding maakt "
                f"overrides/partials/{NOTICE_CLASS}.html.",
                fix_en=f"put <!-- md:{NOTICE_MARKER} --> before the first partner link; the notice is rendered by "
                f"overrides/partials/{NOTICE_CLASS}.html.",
            )
        )
    elif notice is not None and not partner_links:
        errors.append(
            ContentError(
                file,
                "partner-notice-unused",
                line=notice.line,
                nl="de pagina toont de partnermelding maar heeft geen partnerlink.",
                en="the page shows the partner-link notice but has no partner link.",
                fix_nl=f"haal <!-- md:{NOTICE_MARKER} --> weg uit de bron van de pagina.",
                fix_en=f"remove <!-- md:{NOTICE_MARKER} --> from the page's source.",
            )
        )
    return errors
