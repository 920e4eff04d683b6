"""Access under attack, at the store: squatting a scheduled job's workspace, guessing
passphrases (throttled per workspace and per client address, across instances), telling
existing workspaces from others by the answer or its time, weak passphrases, grants
outliving a passphrase change, claiming the sample. Every test runs on SQLite, and on
PostgreSQL when PRESENZA_TEST_DATABASE_URL is set.
"""

from __future__ import annotations

import hashlib
import logging
import time
from datetime import UTC, datetime, timedelta

import pytest
import stores
from alembic import command
from sqlalchemy import delete, event, func, select

from dashboard.audit import run_audit
from dashboard.bundled import load_sample
from dashboard.settings import Settings
from dashboard.store import (
    SAMPLE_SLUG,
    Access,
    AccessDenied,
    GrantEnded,
    InvalidName,
    NotFound,
    Throttled,
    WeakPassphrase,
    authorize,
    authorize_server,
    create_workspace,
    issue_save_token,
    job_access,
    latest_change_token,
    list_audits,
    open_store,
    revoke_save_token,
    save_audit,
    set_passphrase,
    throttle,
    trusted_access,
    workspace_info,
)
from dashboard.store.access import SCRYPT, Scrypt, check_strength
from dashboard.store.db import alembic_config, make_engine, migrate, writer
from dashboard.store.models import Passphrase, SignInFailure, Workspace
from dashboard.store.throttle import RULES

store_url, engine, run_cli = (
    stores.store_url,
    stores.engine,
    stores.run_cli,
)  # fixtures: SQLite, and PostgreSQL

EDITOR, VIEWER = "rondine verde sul tetto", "lampada gialla in cantina"
ATTACKER = "il mio workspace adesso"
WRONG = "non è questa la frase"


def acme(engine, slug: str = "acme-spa") -> Access:
    return create_workspace(
        engine, slug, "Acme S.p.A.", editor_passphrase=EDITOR, viewer_passphrase=VIEWER
    )


@pytest.fixture(scope="module")
def sample():
    dataset = load_sample()
    return dataset, run_audit(dataset)


def save(engine, access: Access, sample) -> int:
    dataset, card = sample
    return save_audit(engine, access, card, dataset, Settings(), saved_by="test")


def forget_failures(engine) -> None:
    with writer(engine).begin() as connection:
        connection.execute(delete(SignInFailure))


@pytest.fixture
def clock(monkeypatch):
    """The throttle's clock, moved on by hand: waits are exact however slow the machine is."""

    class Clock:
        now = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)

        def __call__(self) -> datetime:
            return self.now

        def advance(self, seconds: float) -> None:
            self.now += timedelta(seconds=seconds)

    moved = Clock()
    monkeypatch.setattr(throttle, "utcnow", moved)
    return moved


def outcome(engine, slug: str, passphrase: str, client: str) -> str:
    """What a sign-in answers, with the workspace's name taken out of the sentence."""
    try:
        return f"granted {authorize(engine, slug, passphrase, client=client).role}"
    except Throttled as error:
        return f"throttled {error.retry_after}: {str(error).replace(slug, '…')}"
    except AccessDenied as error:
        return f"denied {error.msg.code}: {str(error).replace(slug, '…')}"


# --- passphrase policy ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("passphrase", "reason"),
    [
        ("12345678", "store.error.weak_short"),
        ("corta", "store.error.weak_short"),
        ("1234567890", "store.error.weak_common"),
        ("password1234", "store.error.weak_common"),
        ("qwertyuiopasdf", "store.error.weak_common"),
        ("acme-spa-2026", "store.error.weak_common"),  # the workspace's own name and a year
        ("presenza2026!", "store.error.weak_common"),  # the product's name
        ("ciaociaociao", "store.error.weak_common"),
    ],
)
def test_weak_passphrases_are_refused_with_the_reason(passphrase: str, reason: str) -> None:
    with pytest.raises(WeakPassphrase) as refused:
        check_strength(passphrase, ("acme-spa", "Acme S.p.A."))
    assert refused.value.msg.code == reason


def test_strong_passphrases_pass_and_weak_ones_are_never_stored(engine) -> None:
    for good in (EDITOR, VIEWER, "Tr0ub4dor&3-cavallo", "x" * 3 + "Lunga frase " * 200):
        check_strength(good[:1024], ("acme-spa",))
    with pytest.raises(WeakPassphrase):
        create_workspace(engine, "acme-spa", editor_passphrase="12345678")
    with pytest.raises(NotFound):  # refused before anything was written
        trusted_access(engine, "acme-spa")
    access = acme(engine)
    with pytest.raises(WeakPassphrase):
        set_passphrase(engine, access, "viewer", "acme-spa-2026")
    assert authorize(engine, "acme-spa", VIEWER).role == "viewer"  # the old one still holds


# --- squatting a scheduled job's workspace -----------------------------------------------------


def test_a_squatted_workspace_never_receives_the_jobs_audit(engine) -> None:
    """The job's workspace name taken first by a visitor: no token the job can hold opens it."""
    squatter = create_workspace(engine, "acme-spa", "Acme", editor_passphrase=ATTACKER)
    own_token = issue_save_token(engine, squatter)  # even the squatter's own token…
    owner = create_workspace(engine, "acme-2026", editor_passphrase=EDITOR)
    job_token = issue_save_token(engine, owner)  # …and the owner's token elsewhere
    for token in (None, "", job_token, "prz_guessed"):
        with pytest.raises(AccessDenied):
            job_access(engine, "acme-spa", token)
    with pytest.raises(NotFound):
        job_access(engine, "not-created-yet", job_token)
    assert job_access(engine, "acme-2026", job_token).role == "editor"
    assert job_access(engine, "acme-spa", own_token).slug == "acme-spa"


def test_the_cli_saves_only_into_a_workspace_its_token_opens(tmp_path) -> None:
    """`audit --save` never creates a workspace and never saves into one whose token it
    does not hold; it says so before reading any file, in a sentence, exit code 2."""
    url = f"sqlite:///{tmp_path / 'jobs.db'}"
    store = open_store(url)
    try:
        create_workspace(store, "acme-spa", "Acme", editor_passphrase=ATTACKER)  # squatted
        job_token = issue_save_token(store, create_workspace(store, "acme-2026"))
        for args, token, said in [
            (("--save", "acme-spa"), job_token, "is not the save token of 'acme-spa'"),
            (("--save", "new-client"), job_token, "create it on the Saved audits page"),
            (("--save", "acme-2026"), None, "needs its save token"),
            (("--save", "esempio"), job_token, "read-only"),
        ]:
            env = {"PRESENZA_SAVE_TOKEN": token} if token else {}
            refused = run_cli(url, "audit", "--posts", "missing.csv", *args, **env)
            assert refused.returncode == 2 and said in refused.stderr, refused.stderr
            assert "missing.csv" not in refused.stderr  # refused before reading the files
        assert list_audits(store, trusted_access(store, "acme-spa")) == []
        with pytest.raises(NotFound):
            trusted_access(store, "new-client")
        saved = run_cli(url, "audit", "--save", "acme-2026", PRESENZA_SAVE_TOKEN=job_token)
        assert saved.returncode == 0, saved.stderr
        assert len(list_audits(store, trusted_access(store, "acme-2026"))) == 1
    finally:
        store.dispose()


def test_save_tokens_are_stored_hashed_and_replaced_or_revoked(engine) -> None:
    access = acme(engine)
    first = issue_save_token(engine, access)
    with engine.connect() as connection:
        stored = connection.scalar(select(Workspace.save_token).where(Workspace.slug == "acme-spa"))
    assert first.startswith("prz_") and len(first) > 40
    assert stored == hashlib.sha256(first.encode()).hexdigest() and first not in stored
    assert workspace_info(engine, access).save_token_set_at is not None
    second = issue_save_token(engine, access)
    with pytest.raises(AccessDenied):
        job_access(engine, "acme-spa", first)  # replaced: the old one stops working
    assert job_access(engine, "acme-spa", second).role == "editor"
    revoke_save_token(engine, access)
    with pytest.raises(AccessDenied):
        job_access(engine, "acme-spa", second)
    viewer = authorize(engine, "acme-spa", VIEWER)
    with pytest.raises(AccessDenied):
        issue_save_token(engine, viewer)


# --- the sample is read-only for everyone --------------------------------------------------------


def test_the_sample_cannot_be_claimed_or_written(store_url: str, sample) -> None:
    bundled = sample
    store = open_store(store_url)
    try:
        for access in (authorize(store, SAMPLE_SLUG, None), trusted_access(store, SAMPLE_SLUG)):
            assert access.role == "viewer"
        open_ = trusted_access(store, SAMPLE_SLUG)
        forged = Access(open_.workspace_id, SAMPLE_SLUG, open_.name, "editor", open_.epoch)
        for write in (
            lambda: set_passphrase(store, forged, "editor", EDITOR),
            lambda: save(store, forged, bundled),
            lambda: issue_save_token(store, forged),
            lambda: job_access(store, SAMPLE_SLUG, "prz_anything"),
        ):
            with pytest.raises(AccessDenied):
                write()
        with pytest.raises(InvalidName):
            create_workspace(store, SAMPLE_SLUG, editor_passphrase=EDITOR)
        assert workspace_info(store, open_).protected == ()
        assert len(list_audits(store, open_)) == 2
        with pytest.raises(AccessDenied):  # no passphrase opens it as an editor either
            authorize(store, SAMPLE_SLUG, EDITOR)
    finally:
        store.dispose()


def test_the_migration_takes_back_a_passphrase_set_on_the_sample(store_url: str) -> None:
    """A store from before 0002 where the first visitor claimed the sample."""
    store = make_engine(store_url)
    try:
        config = alembic_config()
        with writer(store).begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "0001")
        with writer(store).begin() as connection:
            connection.exec_driver_sql(
                "INSERT INTO workspaces (id, slug, name, is_open, revision, created_at) "
                "VALUES (1, 'esempio', 'Esempio', true, 0, '2026-01-01 00:00:00'), "
                "(2, 'acme', 'Acme', false, 0, '2026-01-01 00:00:00')"
            )
            for workspace_id in (1, 2):
                connection.execute(
                    Passphrase.__table__.insert().values(
                        workspace_id=workspace_id,
                        role="editor",
                        kdf="scrypt:n=16384,r=8,p=1",
                        salt=b"s" * 16,
                        digest=b"d" * 32,
                        set_at=datetime(2026, 1, 1, tzinfo=UTC),
                    )
                )
        migrate(store)
        with store.connect() as connection:
            kept = connection.execute(select(Passphrase.workspace_id)).scalars().all()
            epochs = connection.execute(select(Workspace.grant_epoch)).scalars().all()
        assert kept == [2] and epochs == [0, 0]
    finally:
        store.dispose()


def test_a_digest_made_at_an_older_cost_is_checked_with_it_and_rehashed_at_sign_in(
    engine,
) -> None:
    """Each digest carries its scrypt parameters: raising the cost locks nobody out, and
    every passphrase moves to the new cost the next time it is typed."""
    access = acme(engine)
    cheap = Scrypt(n=2**10, r=8, p=1)
    with writer(engine).begin() as connection:
        connection.execute(
            Passphrase.__table__.update()
            .where(Passphrase.workspace_id == access.workspace_id, Passphrase.role == "editor")
            .values(kdf=cheap.kdf, salt=b"s" * 16, digest=cheap.digest(EDITOR, b"s" * 16))
        )
    epoch = authorize(engine, "acme-spa", EDITOR).epoch
    with engine.connect() as connection:
        row = connection.execute(
            select(Passphrase).where(
                Passphrase.workspace_id == access.workspace_id, Passphrase.role == "editor"
            )
        ).one()
    assert row.kdf == SCRYPT.kdf == "scrypt:n=16384,r=8,p=1" and row.salt != b"s" * 16
    assert row.digest == SCRYPT.digest(EDITOR, row.salt)
    again = authorize(engine, "acme-spa", EDITOR)  # the new digest opens it; no one signed out
    assert (again.role, again.epoch) == ("editor", epoch)
    with pytest.raises(AccessDenied):
        authorize(engine, "acme-spa", WRONG)


def test_a_digest_of_another_function_or_an_absurd_cost_opens_nothing() -> None:
    assert Scrypt.parse("scrypt:n=16384,r=8,p=1") == SCRYPT
    for kdf in ("bcrypt:12", "scrypt:n=1000,r=8,p=1", "scrypt:n=1073741824,r=8,p=1", ""):
        assert Scrypt.parse(kdf) is None, kdf


# --- guessing ----------------------------------------------------------------------------------


def test_guessing_is_throttled_then_locked_the_same_for_any_name(store_url: str, clock) -> None:
    """Per client: 3 free tries, then 1, 2, 4… s, and a 15-minute lock at 10 — counted in
    the database, so a second instance (another engine) sees the same throttle; an
    existing and a never-created workspace answer exactly alike all along."""
    first, second = open_store(store_url), open_store(store_url)
    try:
        acme(first)
        rule = RULES["client"]
        seen: dict[str, list[str]] = {}
        for slug, client in (("acme-spa", "203.0.113.7"), ("nobody-here", "203.0.113.8")):
            answers = seen.setdefault(slug, [])
            for attempt in range(rule.lock_after - 1):
                instance = first if attempt % 2 else second  # a load balancer's round robin
                answers.append(outcome(instance, slug, WRONG, client))
                answers.append(outcome(instance, slug, WRONG, client))  # again at once
                if attempt < rule.lock_after - 2:
                    clock.advance(rule.cap)  # the wait passes
            clock.advance(60)
            answers.append(outcome(first, slug, EDITOR, client))  # locked: even the right one
            clock.advance(rule.lock)
            answers.append(outcome(second, slug, WRONG, client))  # lock over, count forgotten
        assert seen["acme-spa"] == seen["nobody-here"]
        denied = (
            "denied store.error.denied: Wrong passphrase, or no such workspace: no data is "
            "shown. Check the link and the passphrase you were given."
        )

        def throttled(seconds: int) -> str:
            unit = "second" if seconds == 1 else "seconds"
            return (
                f"throttled {seconds}: Too many wrong attempts: try again in {seconds} {unit}. "
                "No passphrase was checked."
            )

        expected = [denied, denied]  # people mistype: the first tries cost nothing
        for failures in range(rule.free, rule.lock_after + 1):
            expected += [denied, throttled(rule.wait(failures))]  # 1, 2, 4 … 60, then the lock
        expected += [throttled(rule.lock - 60), denied]
        assert seen["acme-spa"] == expected
        assert expected[-3] == throttled(15 * 60)
        with first.connect() as connection:  # no address or name is written down
            keys = connection.execute(select(SignInFailure.key)).scalars().all()
        assert keys and all(len(k) == 64 and "203.0" not in k for k in keys)
    finally:
        first.dispose()
        second.dispose()


def test_throttles_per_workspace_and_per_client_apart(engine) -> None:
    acme(engine)
    create_workspace(engine, "beta", editor_passphrase="frase della beta srl")
    workspace_rule = RULES["workspace"]
    # Many addresses against one workspace: the workspace itself slows down.
    for n in range(workspace_rule.free):
        assert outcome(engine, "acme-spa", WRONG, f"198.51.100.{n}").startswith("denied")
    assert outcome(engine, "acme-spa", EDITOR, "192.0.2.99").startswith("throttled")
    assert outcome(engine, "beta", "frase della beta srl", "192.0.2.99") == "granted editor"
    forget_failures(engine)
    # One address against many workspaces: the address slows down.
    for n in range(RULES["client"].free):
        assert outcome(engine, f"guess-{n}", WRONG, "192.0.2.1").startswith("denied")
    assert outcome(engine, "beta", "frase della beta srl", "192.0.2.1").startswith("throttled")
    assert outcome(engine, "beta", "frase della beta srl", "192.0.2.2") == "granted editor"


def test_the_server_passphrase_is_throttled_too(engine, clock) -> None:
    configured = "frase del server condiviso"
    for n in range(RULES["server"].free):  # from many addresses: the server's own count
        with pytest.raises(AccessDenied) as wrong:
            authorize_server(engine, configured, WRONG, client=f"192.0.2.{n}")
        assert wrong.value.msg.code == "store.error.server_denied"
        assert not isinstance(wrong.value, Throttled)
    with pytest.raises(Throttled):
        authorize_server(engine, configured, configured, client="192.0.2.5")
    clock.advance(RULES["server"].cap)
    authorize_server(engine, configured, configured, client="192.0.2.6")


def test_failed_attempts_are_logged(engine, caplog) -> None:
    acme(engine)
    with caplog.at_level(logging.WARNING, logger="presenza.access"):
        for slug in ("acme-spa", "acme-spa", "nobody-here"):
            with pytest.raises(AccessDenied):
                authorize(engine, slug, WRONG, client="203.0.113.50")
        authorize(engine, "acme-spa", VIEWER, client="203.0.113.51")
    lines = [r.getMessage() for r in caplog.records if r.name == "presenza.access"]
    assert lines == [
        "wrong passphrase for workspace 'acme-spa' from 203.0.113.50 (1 in a row)",
        "wrong passphrase for workspace 'acme-spa' from 203.0.113.50 (2 in a row)",
        "wrong passphrase for workspace 'nobody-here' from 203.0.113.50 (3 in a row)",
    ]


def test_a_wrong_passphrase_does_the_same_work_for_an_unknown_workspace(
    engine, monkeypatch
) -> None:
    """Before, one scrypt against two told them apart (92 ms against 175 ms): count the
    scrypts and the SQL statements each answer costs."""
    acme(engine)
    scrypts: list[int] = []
    real = hashlib.scrypt
    monkeypatch.setattr(hashlib, "scrypt", lambda *a, **k: scrypts.append(1) or real(*a, **k))
    statements: list[str] = []
    event.listen(engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    work = {}
    for slug in ("acme-spa", "nobody-here"):
        scrypts.clear()
        statements.clear()
        with pytest.raises(AccessDenied):
            authorize(engine, slug, WRONG, client="192.0.2.1")
        work[slug] = (len(scrypts), [" ".join(q.split()[:2]) for q in statements])
        forget_failures(engine)
    assert work["acme-spa"] == work["nobody-here"] and work["acme-spa"][0] == 2


def test_a_wrong_passphrase_takes_as_long_for_an_unknown_workspace(engine) -> None:
    """And the clock agrees. The fastest of several tries is the work itself (other
    processes on the shared machine only add to a try); a round spoiled by a burst of
    load elsewhere is measured again, up to three times."""
    acme(engine)
    for _ in range(3):
        times: dict[str, list[float]] = {"acme-spa": [], "nobody-here": []}
        for round_ in range(9):
            for slug in times if round_ % 2 else reversed(list(times)):
                started = time.perf_counter()
                with pytest.raises(AccessDenied):
                    authorize(engine, slug, WRONG, client=f"192.0.2.{round_}")
                times[slug].append(time.perf_counter() - started)
                forget_failures(engine)
        existing, unknown = (min(v) for v in times.values())
        if abs(existing - unknown) < 0.15 * max(existing, unknown):
            return
    pytest.fail(f"a wrong passphrase took {existing:.3f} s, an unknown workspace {unknown:.3f} s")


# --- a passphrase change ends the grants made with the old one --------------------------------


def test_a_passphrase_change_ends_every_other_grant(engine, sample) -> None:
    acme(engine)
    changer = authorize(engine, "acme-spa", EDITOR)
    other_editor = authorize(engine, "acme-spa", EDITOR)
    viewer = authorize(engine, "acme-spa", VIEWER)
    audit_id = save(engine, other_editor, sample)
    renewed = set_passphrase(engine, changer, "viewer", "una nuova frase per chi legge")
    for stale in (other_editor, viewer, changer):
        for use in (
            lambda a=stale: list_audits(engine, a),
            lambda a=stale: latest_change_token(engine, a),
            lambda a=stale: workspace_info(engine, a),
        ):
            with pytest.raises(GrantEnded):
                use()
    with pytest.raises(GrantEnded):
        save(engine, other_editor, sample)
    assert [a.id for a in list_audits(engine, renewed)] == [audit_id]  # the changer stays in
    with pytest.raises(AccessDenied):
        authorize(engine, "acme-spa", VIEWER)
    again = authorize(engine, "acme-spa", "una nuova frase per chi legge")
    assert again.role == "viewer" and list_audits(engine, again)
    renewed = set_passphrase(engine, renewed, "viewer", None)  # removing one ends them too
    with pytest.raises(GrantEnded):
        list_audits(engine, again)
    with engine.connect() as connection:
        assert connection.scalar(select(func.max(Workspace.grant_epoch))) == 2
