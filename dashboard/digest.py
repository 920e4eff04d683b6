"""The executive digest: a short HTML e-mail on where the company stands, sent by a monthly job.

`compose` is pure (the current and previous scorecards, the action plan, a link → a
message in one language); `send` hands it to the SMTP server the environment names.
Every text people typed (company, actions, owners) is escaped: the e-mail is HTML.
"""

from __future__ import annotations

import html
import os
import smtplib
import ssl
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from dashboard.gaps import gap_list
from dashboard.i18n import Lang, MessageError, date_text, format_value, number, t
from dashboard.messages import msg
from dashboard.report.changes import signed
from dashboard.report.tables import period_text
from dashboard.scoring import Scorecard
from dashboard.store.records import ActionRecord

TOP = 3
SMTP = "PRESENZA_SMTP_"  # HOST, PORT, SECURITY (starttls, ssl, none), USER, PASSWORD, FROM
URL_VARIABLE = "PRESENZA_PUBLIC_URL"  # where people reach the dashboard, for the link
PORTS = {"starttls": 587, "ssl": 465, "none": 25}


class DigestError(MessageError):
    """The SMTP settings are missing or wrong, or the server refused the message."""


@dataclass(frozen=True)
class Digest:
    """What the e-mail says, before it is written in HTML and plain text."""

    company: str
    lang: Lang
    card: Scorecard
    before: Scorecard | None
    actions: Sequence[ActionRecord]
    link: str
    today: date


def executive_link(base: str, slug: str) -> str:
    return f"{base.rstrip('/')}/executive?workspace={slug}"


def _lines(d: Digest) -> dict[str, list[str]]:
    """The e-mail's sections as lines of text (not yet escaped)."""
    lang, card = d.lang, d.card
    index = (
        t("audit.not_measured", lang) if card.score is None else f"{number(card.score, lang)}/100"
    )
    head = [f"{t('audit.overall', lang)}: {index}"]
    if card.score is not None:
        head.append(f"{t('audit.level', lang)}: {card.level_name(lang)}")
    if d.before is not None and d.before.score is not None and card.score is not None:
        head.append(t("digest.change", lang, change=signed(card.score - d.before.score, lang)))
    else:
        head.append(t("digest.first", lang))
    gaps = []
    for gap in gap_list(card)[:TOP]:
        spec = gap.metric.spec
        gaps.append(
            t(
                "digest.gap",
                lang,
                criterion=gap.criterion.spec.title[lang],
                metric=spec.title[lang],
                value=format_value(gap.metric.value, spec.unit, lang),
                target=format_value(gap.metric.target, spec.unit, lang),
            )
        )
    due = []
    for a in d.actions:
        if a.due is None or not a.due_by(d.today):
            continue
        code = "digest.action_late" if a.late(d.today) else "digest.action_due"
        due.append(t(code, lang, what=a.what, owner=a.owner, due=date_text(a.due, lang)))
    return {"head": head, "gaps": gaps, "due": due}


def compose(d: Digest, *, sender: str, to: Sequence[str]) -> EmailMessage:
    """The digest as an e-mail with a plain-text and an HTML part, in the digest's language."""
    lang = d.lang
    lines = _lines(d)
    subject = t("digest.subject", lang, company=d.company, period=period_text(d.card.period, lang))
    gaps_title, due_title = t("digest.gaps", lang), t("digest.due", lang)
    no_due = t("digest.none_due", lang)
    plain = [subject, "", *lines["head"], "", gaps_title.upper()]
    plain += [f"- {g}" for g in lines["gaps"]] or [t("audit.no_gaps", lang)]
    plain += ["", due_title.upper(), *([f"- {a}" for a in lines["due"]] or [no_due])]
    plain += ["", t("digest.link", lang), d.link]

    e = html.escape
    items = "".join(f"<li>{e(g)}</li>" for g in lines["gaps"])
    due = "".join(f"<li>{e(a)}</li>" for a in lines["due"])
    body = (
        f'<html lang="{lang}"><body style="font-family:sans-serif;color:#1f2937">'
        f'<h1 style="font-size:20px">{e(subject)}</h1>'
        + "".join(f'<p style="margin:4px 0"><b>{e(line)}</b></p>' for line in lines["head"])
        + f'<h2 style="font-size:16px">{e(gaps_title)}</h2>'
        + (f"<ol>{items}</ol>" if items else f"<p>{e(t('audit.no_gaps', lang))}</p>")
        + f'<h2 style="font-size:16px">{e(due_title)}</h2>'
        + (f"<ul>{due}</ul>" if due else f"<p>{e(no_due)}</p>")
        + f'<p><a href="{e(d.link, quote=True)}">{e(t("digest.link", lang))}</a></p>'
        + "</body></html>"
    )
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = sender
    message["To"] = ", ".join(to)
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or None)
    message.set_content("\n".join(plain))
    message.add_alternative(body, subtype="html")
    message["Content-Language"] = lang  # after the content: setting it drops Content-* headers
    return message


def sender(environ: Mapping[str, str] = os.environ) -> str:
    value = environ.get(f"{SMTP}FROM", "").strip()
    if not value:
        raise DigestError(msg("digest.error.no_from", variable=f"{SMTP}FROM"))
    return value


def send(message: EmailMessage, environ: Mapping[str, str] = os.environ) -> None:
    """Hand the message to the SMTP server of PRESENZA_SMTP_HOST (and PORT, SECURITY, USER,
    PASSWORD): STARTTLS by default, verified against the system's certificates."""
    host = environ.get(f"{SMTP}HOST", "").strip()
    if not host:
        raise DigestError(msg("digest.error.no_host", variable=f"{SMTP}HOST"))
    security = environ.get(f"{SMTP}SECURITY", "starttls").strip().lower()
    if security not in PORTS:
        raise DigestError(
            msg("digest.error.bad_security", variable=f"{SMTP}SECURITY", allowed=", ".join(PORTS))
        )
    try:
        port = int(environ.get(f"{SMTP}PORT") or PORTS[security])
    except ValueError:
        raise DigestError(msg("digest.error.bad_port", variable=f"{SMTP}PORT")) from None
    user, password = environ.get(f"{SMTP}USER"), environ.get(f"{SMTP}PASSWORD")
    context = ssl.create_default_context()
    try:
        server: smtplib.SMTP
        if security == "ssl":
            server = smtplib.SMTP_SSL(host, port, timeout=30, context=context)
        else:
            server = smtplib.SMTP(host, port, timeout=30)
        with server:
            if security == "starttls":
                server.starttls(context=context)
            if user:
                server.login(user, password or "")
            server.send_message(message)
    except (OSError, smtplib.SMTPException) as error:
        raise DigestError(
            msg("digest.error.smtp", host=host, port=port, detail=str(error))
        ) from None
