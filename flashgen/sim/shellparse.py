"""Parsing the POSIX shell scripts containers run (`sh -c "..."`): words with their quoting, operators,
redirections, and the compound commands (if, while, until, for, case, { }, ( )) as a small syntax tree.

A word is a list of parts (quoted, expand, text): single quotes give (True, False, text), double quotes
(True, True, text), unquoted text (False, True, text) and a backslash escape (True, False, char).
Nodes are tuples: ("list", [(and_or, "&" or ";")]), ("andor", [(op, pipeline)]), ("pipe", negate, [command]),
("simple", [(name, word)], [word], [(op, word)]), ("if", [(cond, body)], else), ("while", cond, body, until),
("for", name, [word] or None, body), ("case", word, [([word], body)]), ("group", list), ("subshell", list),
each compound command followed by its redirections: ("redir", node, [(op, word)])."""

from __future__ import annotations

from typing import Any

Word = list[tuple[bool, bool, str]]
Node = tuple
KEYWORDS = {"if", "then", "elif", "else", "fi", "while", "until", "do", "done", "for", "in", "case", "esac",
            "{", "}", "!"}
OPERATORS = ("&&", "||", ";;", ";", "&", "|", "(", ")", "\n")
REDIRS = ("2>&1", "1>&2", ">&2", ">&1", "&>>", "&>", "2>>", "2>", "1>>", "1>", ">>", ">", "<<", "<")


class ParseError(ValueError):
    """A script the parser cannot read (the shell reports a syntax error)."""


def _scan_parens(s: str, i: int, open_: str, close: str) -> int:
    """Index just past the bracket that closes the one opened before i (quotes respected)."""
    depth = 1
    while i < len(s):
        c = s[i]
        if c == "\\":
            i += 2
            continue
        if c == "'":
            j = s.find("'", i + 1)
            i = len(s) if j < 0 else j + 1
            continue
        if c == '"':
            i = _scan_dquote(s, i + 1)
            continue
        if s.startswith(open_, i):
            depth += 1
            i += len(open_)
            continue
        if s.startswith(close, i):
            depth -= 1
            i += len(close)
            if depth == 0:
                return i
            continue
        i += 1
    raise ParseError(f"unterminated {open_}")


def _scan_dquote(s: str, i: int) -> int:
    """Index just past the double quote that closes a string whose body starts at i."""
    while i < len(s):
        c = s[i]
        if c == "\\":
            i += 2
            continue
        if c == '"':
            return i + 1
        if s.startswith("$(", i):
            i = _scan_parens(s, i + 2, "(", ")")
            continue
        if c == "`":
            j = s.find("`", i + 1)
            i = len(s) if j < 0 else j + 1
            continue
        i += 1
    raise ParseError("unterminated quoted string")


def tokenize(script: str) -> list[tuple[str, Any]]:
    """("word", Word), ("op", text) and ("redir", text) tokens."""
    toks: list[tuple[str, Any]] = []
    s = script
    i = 0
    word: Word = []
    buf = ""
    heredocs: list[tuple[str, bool, bool]] = []  # (delimiter, quoted, strip tabs) waiting for their bodies

    def flush_buf() -> None:
        nonlocal buf
        if buf:
            word.append((False, True, buf))
            buf = ""

    def end_word() -> None:
        nonlocal word
        flush_buf()
        if word:
            toks.append(("word", word))
            word = []

    while i < len(s):
        c = s[i]
        if c in " \t\r":
            end_word()
            i += 1
            continue
        if c == "#" and not word and not buf:
            while i < len(s) and s[i] != "\n":
                i += 1
            continue
        if c == "\\":
            if i + 1 < len(s) and s[i + 1] == "\n":
                i += 2
                continue
            flush_buf()
            word.append((True, False, s[i + 1] if i + 1 < len(s) else ""))
            i += 2
            continue
        if c == "'":
            j = s.find("'", i + 1)
            if j < 0:
                raise ParseError("unterminated quoted string")
            flush_buf()
            word.append((True, False, s[i + 1:j]))
            i = j + 1
            continue
        if c == '"':
            j = _scan_dquote(s, i + 1)
            flush_buf()
            word.append((True, True, s[i + 1:j - 1]))
            i = j
            continue
        if c == "$" and s.startswith("$(", i):
            j = _scan_parens(s, i + 2, "(", ")")
            buf += s[i:j]
            i = j
            continue
        if c == "$" and s.startswith("${", i):
            j = s.find("}", i)
            j = len(s) - 1 if j < 0 else j
            buf += s[i:j + 1]
            i = j + 1
            continue
        if c == "`":
            j = s.find("`", i + 1)
            j = len(s) - 1 if j < 0 else j
            buf += s[i:j + 1]
            i = j + 1
            continue
        # redirections: `>`, `>>`, `<`, `>&2`, `&>`, and `2>`, `2>&1` ... at the start of a word
        redir = None
        if c in "<>" or (c == "&" and s.startswith("&>", i)) or (c in "12" and not word and not buf
                                                                 and s.startswith(">", i + 1)):
            redir = next((r for r in REDIRS if s.startswith(r, i)), None)
        if redir == "<<":
            # a here-document: its body (the lines after this one, up to the delimiter) is the word
            end_word()
            j = i + 2
            strip = s.startswith("-", j)
            j += 1 if strip else 0
            while j < len(s) and s[j] in " \t":
                j += 1
            k = j
            while k < len(s) and s[k] not in " \t\n;&|<>":
                k += 1
            raw = s[j:k]
            delim = raw.strip("'\"")
            toks.append(("redir", "<<"))
            toks.append(("word", None))  # the body, filled in after this line
            heredocs.append((delim, raw != delim or "\\" in raw, strip))
            i = k
            continue
        if redir is not None:
            end_word()
            toks.append(("redir", redir))
            i += len(redir)
            continue
        if c == "=" and buf and not word and i + 1 < len(s) and s[i + 1] == "(" and buf.isidentifier():
            # an array assignment: name=(a b c)
            j = _scan_parens(s, i + 2, "(", ")")
            buf += s[i:j]
            i = j
            continue
        op = next((o for o in OPERATORS if s.startswith(o, i)), None)
        if op is not None:
            end_word()
            toks.append(("op", op))
            if op == "\n" and heredocs:
                i = _heredoc_bodies(s, i + 1, heredocs, toks)
                continue
            i += len(op)
            continue
        buf += c
        i += 1
    end_word()
    if heredocs:
        _heredoc_bodies(s, len(s), heredocs, toks)
    return toks


def _heredoc_bodies(s: str, i: int, heredocs: list[tuple[str, bool, bool]], toks: list[tuple[str, Any]]) -> int:
    """Read the bodies of the pending here-documents from index i; insert each as the word after its `<<`."""
    lines = s[i:].split("\n")
    used = 0
    bodies = []
    for delim, quoted, strip in heredocs:
        body = []
        while used < len(lines):
            line = lines[used]
            used += 1
            if (line.lstrip("\t") if strip else line) == delim:
                break
            body.append(line.lstrip("\t") if strip else line)
        text = "\n".join(body) + ("\n" if body else "")
        bodies.append([(True, not quoted, text)])
    heredocs.clear()
    slots = [n for n, t in enumerate(toks) if t == ("word", None)]
    for n, body in zip(slots, bodies):
        toks[n] = ("word", body)
    return i + sum(len(line) + 1 for line in lines[:used])


def literal(word: Word) -> str | None:
    """The word's text when it is one unquoted literal (a keyword candidate), else None."""
    if len(word) == 1 and not word[0][0]:
        return word[0][2]
    return None


def word_text(word: Word) -> str:
    """The word as written, quotes removed (for messages)."""
    return "".join(p[2] for p in word)


class Parser:
    """Recursive descent over the tokens."""

    def __init__(self, toks: list[tuple[str, Any]]):
        self.toks = toks
        self.i = 0

    def peek(self) -> tuple[str, Any] | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def is_kw(self, *words: str) -> bool:
        t = self.peek()
        return t is not None and t[0] == "word" and literal(t[1]) in words

    def is_op(self, *ops: str) -> bool:
        t = self.peek()
        return t is not None and t[0] == "op" and t[1] in ops

    def expect_kw(self, word: str) -> None:
        self.skip_newlines()
        if not self.is_kw(word):
            got = self.peek()
            raise ParseError(f"syntax error: expected {word!r}, got {got[1] if got else 'end of file'!r}")
        self.i += 1

    def skip_newlines(self) -> None:
        while self.is_op("\n", ";"):
            self.i += 1

    def parse(self) -> Node:
        node = self.list_(())
        if self.peek() is not None:
            t = self.peek()
            raise ParseError(f"syntax error: unexpected {word_text(t[1]) if t[0] == 'word' else t[1]!r}")
        return node

    def list_(self, stops: tuple[str, ...]) -> Node:
        items: list[tuple[Node, str]] = []
        while True:
            while self.is_op("\n", ";"):
                self.i += 1
            t = self.peek()
            if t is None or (t[0] == "word" and literal(t[1]) in stops) or (t[0] == "op" and t[1] in (")", ";;")):
                break
            node = self.and_or()
            term = ";"
            if self.is_op("&"):
                term = "&"
                self.i += 1
            elif self.is_op(";", "\n"):
                self.i += 1
            items.append((node, term))
        return ("list", items)

    def and_or(self) -> Node:
        parts = [("", self.pipeline())]
        while self.is_op("&&", "||"):
            op = self.peek()[1]  # type: ignore[index]
            self.i += 1
            while self.is_op("\n"):
                self.i += 1
            parts.append((op, self.pipeline()))
        return ("andor", parts)

    def pipeline(self) -> Node:
        negate = False
        if self.is_kw("!"):
            negate = True
            self.i += 1
        cmds = [self.command()]
        while self.is_op("|"):
            self.i += 1
            while self.is_op("\n"):
                self.i += 1
            cmds.append(self.command())
        return ("pipe", negate, cmds)

    def redirection(self) -> tuple[str, Word]:
        """The redirection at the current token and the file it names (none for 2>&1 and the like)."""
        op = self.peek()[1]  # type: ignore[index]
        self.i += 1
        target: Word = [(True, False, "")]
        if op not in ("2>&1", "1>&2", ">&2", ">&1"):
            t = self.peek()
            if t is None or t[0] != "word":
                raise ParseError("syntax error: a redirection needs a file name")
            target = t[1]
            self.i += 1
        return op, target

    def redirs(self, node: Node) -> Node:
        rs = []
        while self.peek() is not None and self.peek()[0] == "redir":  # type: ignore[index]
            rs.append(self.redirection())
        return ("redir", node, rs) if rs else node

    def command(self) -> Node:
        t = self.peek()
        if t is None:
            raise ParseError("syntax error: unexpected end of file")
        if t[0] == "op" and t[1] == "(":
            self.i += 1
            body = self.list_(())
            if not self.is_op(")"):
                raise ParseError("syntax error: missing ')'")
            self.i += 1
            return self.redirs(("subshell", body))
        if t[0] == "op":
            raise ParseError(f"syntax error: unexpected {t[1]!r}")
        kw = literal(t[1]) if t[0] == "word" else None
        if kw == "if":
            return self.redirs(self.if_())
        if kw in ("while", "until"):
            self.i += 1
            cond = self.list_(("do",))
            self.expect_kw("do")
            body = self.list_(("done",))
            self.expect_kw("done")
            return self.redirs(("while", cond, body, kw == "until"))
        if kw == "for":
            return self.redirs(self.for_())
        if kw == "case":
            return self.redirs(self.case_())
        if kw == "{":
            self.i += 1
            body = self.list_(("}",))
            self.expect_kw("}")
            return self.redirs(("group", body))
        if kw in ("then", "elif", "else", "fi", "do", "done", "esac", "}"):
            raise ParseError(f"syntax error: unexpected {kw!r}")
        return self.simple()

    def if_(self) -> Node:
        self.i += 1
        arms = []
        cond = self.list_(("then",))
        self.expect_kw("then")
        body = self.list_(("elif", "else", "fi"))
        arms.append((cond, body))
        other = None
        while True:
            self.skip_newlines()
            if self.is_kw("elif"):
                self.i += 1
                cond = self.list_(("then",))
                self.expect_kw("then")
                body = self.list_(("elif", "else", "fi"))
                arms.append((cond, body))
                continue
            if self.is_kw("else"):
                self.i += 1
                other = self.list_(("fi",))
            self.expect_kw("fi")
            break
        return ("if", arms, other)

    def for_(self) -> Node:
        self.i += 1
        t = self.peek()
        if t is None or t[0] != "word":
            raise ParseError("syntax error: bad for loop variable")
        name = word_text(t[1])
        self.i += 1
        words: list[Word] | None = None
        while self.is_op("\n"):
            self.i += 1
        if self.is_kw("in"):
            self.i += 1
            words = []
            while self.peek() is not None and self.peek()[0] == "word":  # type: ignore[index]
                words.append(self.peek()[1])  # type: ignore[index]
                self.i += 1
        self.skip_newlines()
        self.expect_kw("do")
        body = self.list_(("done",))
        self.expect_kw("done")
        return ("for", name, words, body)

    def case_(self) -> Node:
        self.i += 1
        t = self.peek()
        if t is None or t[0] != "word":
            raise ParseError("syntax error: bad case")
        subject = t[1]
        self.i += 1
        self.skip_newlines()
        self.expect_kw("in")
        arms = []
        while True:
            self.skip_newlines()
            if self.is_kw("esac"):
                self.i += 1
                break
            if self.is_op("("):
                self.i += 1
            pats = []
            while True:
                t = self.peek()
                if t is None or t[0] != "word":
                    raise ParseError("syntax error: bad case pattern")
                pats.append(t[1])
                self.i += 1
                if self.is_op("|"):
                    self.i += 1
                    continue
                break
            if not self.is_op(")"):
                raise ParseError("syntax error: expected ')' in case")
            self.i += 1
            body = self.list_(("esac",))
            if self.is_op(";;"):
                self.i += 1
            arms.append((pats, body))
        return ("case", subject, arms)

    def simple(self) -> Node:
        assigns: list[tuple[str, Word]] = []
        words: list[Word] = []
        redirs: list[tuple[str, Word]] = []
        while True:
            t = self.peek()
            if t is None or t[0] == "op":
                break
            if t[0] == "redir":
                redirs.append(self.redirection())
                continue
            w = t[1]
            first = w[0]
            if not words and not first[0] and "=" in first[2] and first[2].split("=", 1)[0].isidentifier():
                name, rest = first[2].split("=", 1)
                value: Word = ([(False, True, rest)] if rest else []) + list(w[1:])
                assigns.append((name, value))
                self.i += 1
                continue
            words.append(w)
            self.i += 1
        return ("simple", assigns, words, redirs)


def parse(script: str) -> Node:
    """The syntax tree of a script; ParseError when it cannot be read."""
    return Parser(tokenize(script)).parse()
