from collections import deque

class Stack:
    def __init__(self):
        self._items = []

    def push(self, x):
        self._items.append(x)

    def pop(self):
        if not self._items:
            raise IndexError("pop from empty stack")
        return self._items.pop()

    def peek(self):
        return self._items[-1]

    def __len__(self):
        return len(self._items)

    def __bool__(self):
        return bool(self._items)

def balanced(expr):
    pairs = {")": "(", "]": "[", "}": "{"}
    st = Stack()
    for i, ch in enumerate(expr):
        if ch in "([{":
            st.push((ch, i))
        elif ch in pairs:
            if not st or st.peek()[0] != pairs[ch]:
                return f"mismatch at {i}"
            st.pop()
    return "ok" if not st else f"unclosed at {st.peek()[1]}"

for e in ["(a[b]{c})", "((", "([)]", "", "{[()()]}", "a)b"]:
    print(f"{e!r:12} {balanced(e)}")

PREC = {"+": 1, "-": 1, "*": 2, "/": 2, "^": 3}

def tokenize(s):
    tokens, num = [], ""
    for ch in s:
        if ch.isdigit() or ch == ".":
            num += ch
            continue
        if num:
            tokens.append(num)
            num = ""
        if ch in PREC or ch in "()":
            tokens.append(ch)
    if num:
        tokens.append(num)
    return tokens

def to_rpn(tokens):
    out, ops = [], []
    for t in tokens:
        if t in PREC:
            while ops and ops[-1] != "(" and (PREC[ops[-1]] > PREC[t] or (PREC[ops[-1]] == PREC[t] and t != "^")):
                out.append(ops.pop())
            ops.append(t)
        elif t == "(":
            ops.append(t)
        elif t == ")":
            while ops[-1] != "(":
                out.append(ops.pop())
            ops.pop()
        else:
            out.append(t)
    while ops:
        out.append(ops.pop())
    return out

def eval_rpn(rpn):
    st = []
    for t in rpn:
        if t in PREC:
            b, a = st.pop(), st.pop()
            st.append({"+": a + b, "-": a - b, "*": a * b, "/": a / b, "^": a ** b}[t])
        else:
            st.append(float(t) if "." in t else int(t))
    return st[0]

for expr in ["3 + 4 * 2 / (1 - 5) ^ 2 ^ 3", "2 * (3 + 4) - 10", "2 ^ 10", "1.5 * 4", "7 / 2", "100 - 2 - 3"]:
    rpn = to_rpn(tokenize(expr))
    print(f"{expr:<30} => {' '.join(rpn):<28} = {eval_rpn(rpn)}")

q = deque(maxlen=5)
for i in range(8):
    q.append(i)
print(q, len(q), q.maxlen)
q.appendleft(-1)
print(q)
q.rotate(2)
print(q, q[0], q[-1])
q.rotate(-3)
print(list(q), q.popleft(), q.pop())
q.extend([10, 20])
q.extendleft([100, 200])
print(q, q.count(10), q.index(10) if 10 in q else None)
d = deque("abcde")
d.remove("c")
d.reverse()
print(d, "".join(d))
try:
    Stack().pop()
except IndexError as e:
    print("IndexError:", e)
try:
    deque().pop()
except IndexError as e:
    print("IndexError:", e)
# hot potato
people = deque(["Bill", "David", "Susan", "Jane", "Kent", "Brad"])
while len(people) > 1:
    people.rotate(-7)
    print("out:", people.popleft())
print("winner:", people[0])
