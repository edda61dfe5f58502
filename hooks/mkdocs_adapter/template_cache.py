"""Compiled theme templates, kept in memory for every language the build makes.

The i18n plugin builds each language with a new Jinja environment, so without this each of the
theme's templates is parsed and compiled eight times. Compiled code does not depend on the
language (strings come at render time), only on the template's source, checked here by Jinja's
checksum, and on the environment's compile options, which are part of the key.
"""

from __future__ import annotations

from jinja2 import Environment
from jinja2.bccache import Bucket, BytecodeCache


def compile_options(env: Environment, name: str | None) -> tuple:
    """What changes the code Jinja generates from one template's source."""
    return (
        tuple(sorted(env.extensions)),
        bool(env.autoescape(name) if callable(env.autoescape) else env.autoescape),
        bool(getattr(env, "newstyle_gettext", False)),
        env.finalize is not None, env.is_async, env.optimized,
        env.block_start_string, env.block_end_string, env.variable_start_string, env.variable_end_string,
        env.comment_start_string, env.comment_end_string, env.line_statement_prefix, env.line_comment_prefix,
        env.trim_blocks, env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline,
    )


class SharedTemplateCode(BytecodeCache):
    """An in-memory bytecode cache, shared by the environments of one build process."""

    def __init__(self) -> None:
        self._code: dict[str, tuple[str, object]] = {}

    def get_bucket(self, environment: Environment, name: str, filename: str | None, source: str) -> Bucket:
        key = self.get_cache_key(f"{name}\0{compile_options(environment, name)!r}", filename)
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        checksum, code = self._code.get(bucket.key, (None, None))
        if checksum == bucket.checksum:
            bucket.code = code

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = (bucket.checksum, bucket.code)

    def clear(self) -> None:
        self._code.clear()
