class Token:
    __slots__ = ("kind", "value", "pos")
    def __init__(self, kind, value, pos):
        self.kind, self.value, self.pos = kind, value, pos
    def __repr__(self):
        return f"Token({self.kind}, {self.value!r})"

class LexError(Exception):
    pass

class ParseError(Exception):
    pass

def lex(src):
    i, out = 0, []
    while i < len(src):
        ch = src[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit():
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j += 1
            text = src[i:j]
            out.append(Token("num", float(text) if "." in text else int(text), i))
            i = j
        elif ch.isalpha():
            j = i
            while j < len(src) and (src[j].isalnum() or src[j] == "_"):
                j += 1
            out.append(Token("name", src[i:j], i))
            i = j
        elif src.startswith("**", i):
            out.append(Token("op", "**", i)); i += 2
        elif ch in "+-*/%()=,":
            out.append(Token("op", ch, i)); i += 1
        else:
            raise LexError(f"unexpected {ch!r} at {i}")
    out.append(Token("eof", None, len(src)))
    return out

class Parser:
    def __init__(self, tokens):
        self.toks = tokens
        self.i = 0
    def peek(self):
        return self.toks[self.i]
    def take(self, value=None):
        t = self.toks[self.i]
        if value is not None and t.value != value:
            raise ParseError(f"expected {value!r} at {t.pos}, got {t.value!r}")
        self.i += 1
        return t
    def statement(self):
        if self.peek().kind == "name" and self.toks[self.i + 1].value == "=":
            name = self.take().value
            self.take("=")
            return ("assign", name, self.expr())
        return self.expr()
    def expr(self):
        node = self.term()
        while self.peek().value in ("+", "-"):
            node = (self.take().value, node, self.term())
        return node
    def term(self):
        node = self.factor()
        while self.peek().value in ("*", "/", "%"):
            node = (self.take().value, node, self.factor())
        return node
    def factor(self):
        if self.peek().value == "-":
            self.take()
            return ("neg", self.factor())
        base = self.atom()
        if self.peek().value == "**":
            self.take()
            return ("**", base, self.factor())
        return base
    def atom(self):
        t = self.take()
        if t.kind == "num":
            return ("num", t.value)
        if t.kind == "name":
            if self.peek().value == "(":
                self.take()
                args = []
                if self.peek().value != ")":
                    args.append(self.expr())
                    while self.peek().value == ",":
                        self.take()
                        args.append(self.expr())
                self.take(")")
                return ("call", t.value, args)
            return ("var", t.value)
        if t.value == "(":
            node = self.expr()
            self.take(")")
            return node
        raise ParseError(f"unexpected {t.value!r} at {t.pos}")

import math
FUNCS = {"sqrt": math.sqrt, "max": max, "min": min, "abs": abs, "round": round}
OPS = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b,
       "/": lambda a, b: a / b, "%": lambda a, b: a % b, "**": lambda a, b: a ** b}

def evaluate(node, env):
    kind = node[0]
    if kind == "num":
        return node[1]
    if kind == "var":
        try:
            return env[node[1]]
        except KeyError:
            raise NameError(f"undefined variable {node[1]!r}") from None
    if kind == "neg":
        return -evaluate(node[1], env)
    if kind == "assign":
        env[node[1]] = evaluate(node[2], env)
        return env[node[1]]
    if kind == "call":
        return FUNCS[node[1]](*[evaluate(a, env) for a in node[2]])
    return OPS[kind](evaluate(node[1], env), evaluate(node[2], env))

env = {"pi": math.pi}
program = """x = 3
y = x ** 2 ** 2 - 1
y / 4
-x ** 2
z = (x + y) * 2 % 7
sqrt(y + 1) + max(1, z, 4)
round(pi * 100) / 100
2 ** 100
w + 1
(1 + 2
1 / 0
3 $ 4
abs(-7.25) * -2"""
for line in program.splitlines():
    try:
        tree = Parser(lex(line)).statement()
        print(f"{line:<24} => {evaluate(tree, env)!r}")
    except (LexError, ParseError, NameError, ZeroDivisionError) as e:
        print(f"{line:<24} !! {type(e).__name__}: {e}")
print(sorted(env.items()))
print(Parser(lex("1 + 2 * f(3, -4)")).expr())
