"""Seeded source mutations for fuzzing the async-* checks.

Each mutation takes C++ source text and a random.Random and returns new text.
They aim at what breaks AST matchers and CFG-based analyses: code that no
longer parses, recovery expressions, dependent contexts, macros, and
coroutine keywords where nobody expects them.
"""
import re

TOKEN = re.compile(r'"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'|//[^\n]*|/\*.*?\*/|'
                   r'[A-Za-z_]\w*|\d[\w.]*|::|->|<<=?|>>=?|[-+*/%&|^!=<>]=?|&&|\|\||\S',
                   re.S)


def tokens(text):
    return [m for m in TOKEN.finditer(text) if not m.group().startswith(("//", "/*"))]


def _replace_token(text, rng, make):
    toks = tokens(text)
    if not toks:
        return text
    t = toks[rng.randrange(len(toks))]
    return text[:t.start()] + make(t.group(), toks, rng) + text[t.end():]


def delete_token(text, rng):
    return _replace_token(text, rng, lambda tok, toks, r: "")


def duplicate_token(text, rng):
    return _replace_token(text, rng, lambda tok, toks, r: tok + " " + tok)


def replace_with_other_token(text, rng):
    return _replace_token(text, rng, lambda tok, toks, r: toks[r.randrange(len(toks))].group())


def swap_adjacent_tokens(text, rng):
    toks = tokens(text)
    if len(toks) < 2:
        return text
    i = rng.randrange(len(toks) - 1)
    a, b = toks[i], toks[i + 1]
    return text[:a.start()] + b.group() + text[a.end():b.start()] + a.group() + text[b.end():]


def truncate(text, rng):
    return text[:rng.randrange(len(text) + 1)]


def _statement_starts(text):
    """Offsets just after a '{' or ';' that ends a line: plausible places
    for a new statement (or declaration)."""
    return [m.end() for m in re.finditer(r"[{;]\n", text)]


def _insert_statement(text, rng, statement):
    spots = _statement_starts(text)
    if not spots:
        return text + statement
    at = spots[rng.randrange(len(spots))]
    return text[:at] + statement + "\n" + text[at:]


def inject_coroutine_keyword(text, rng):
    statement = rng.choice([
        "co_await std::suspend_always{};", "co_yield 0;", "co_return;", "co_return {};",
        "co_await co_await x;", "co_yield co_await y;", "(void)[]() { co_return; };",
        "try { co_await z; } catch (...) {}",
    ])
    return _insert_statement(text, rng, statement)


def remove_coroutine_keywords(text, rng):
    return re.sub(r"\bco_(await|yield|return)\b", "", text, count=rng.randrange(1, 4))


def include_missing_header(text, rng):
    return _insert_statement(text, rng, '#include "corio_fuzz_missing_header.h"')


def wrap_in_template(text, rng):
    """Makes one function a template, so its body becomes dependent."""
    funcs = list(re.finditer(r"^([A-Za-z_][\w:<>, ]*\s+[A-Za-z_]\w*\s*\([^;{}]*\)\s*\{)",
                             text, re.M))
    if not funcs:
        return text
    f = funcs[rng.randrange(len(funcs))]
    return text[:f.start()] + "template <class CorioFuzzT>\n" + text[f.start():]


def wrap_in_macro(text, rng):
    """Routes a statement through a function-like macro."""
    statements = list(re.finditer(r"^(\s+)([^\n#/]*;)\s*$", text, re.M))
    if not statements:
        return text
    s = statements[rng.randrange(len(statements))]
    body = s.group(2).replace(",", " CORIO_FUZZ_COMMA ")
    return ("#define CORIO_FUZZ_COMMA ,\n#define CORIO_FUZZ_STMT(...) __VA_ARGS__\n"
            + text[:s.start(2)] + "CORIO_FUZZ_STMT(" + body + ")" + text[s.end(2):])


def wrap_in_generic_lambda(text, rng):
    return _insert_statement(text, rng, "auto corio_fuzz_l = [&](auto v) { return v; };")


MUTATIONS = [delete_token, duplicate_token, replace_with_other_token, swap_adjacent_tokens,
             truncate, inject_coroutine_keyword, remove_coroutine_keywords,
             include_missing_header, wrap_in_template, wrap_in_macro, wrap_in_generic_lambda]


def mutate(text, rng, rounds):
    applied = []
    for _ in range(rounds):
        mutation = rng.choice(MUTATIONS)
        text = mutation(text, rng)
        applied.append(mutation.__name__)
    return text, applied
