class InvalidTransition(Exception):
    def __init__(self, state, event):
        super().__init__(f"no transition from {state!r} on {event!r}")
        self.state, self.event = state, event

class Machine:
    def __init__(self, name, initial, transitions):
        self.name = name
        self.state = initial
        self.transitions = transitions
        self.log = []
        self.listeners = []

    def on(self, fn):
        self.listeners.append(fn)
        return fn

    def fire(self, event):
        key = (self.state, event)
        if key not in self.transitions:
            raise InvalidTransition(self.state, event)
        old, self.state = self.state, self.transitions[key]
        self.log.append(f"{old} --{event}--> {self.state}")
        for fn in self.listeners:
            fn(old, event, self.state)

    def __repr__(self):
        return f"<Machine {self.name} state={self.state}>"

door = Machine("door", "closed", {
    ("closed", "open"): "opened",
    ("opened", "close"): "closed",
    ("closed", "lock"): "locked",
    ("locked", "unlock"): "closed",
})

@door.on
def announce(old, event, new):
    if new == "locked":
        print("  [door is now locked]")

for ev in ["open", "close", "lock", "open", "unlock", "open"]:
    try:
        door.fire(ev)
        print(f"{ev:>7}: ok -> {door.state}")
    except InvalidTransition as e:
        print(f"{ev:>7}: {e}")
print(door, *door.log, sep="\n  ")

def tokenize(text):
    state = "start"
    tok = ""
    out = []
    for ch in text + " ":
        if state == "start":
            if ch.isdigit():
                state, tok = "num", ch
            elif ch.isalpha() or ch == "_":
                state, tok = "ident", ch
            elif ch == '"':
                state, tok = "str", ""
            elif not ch.isspace():
                out.append(("op", ch))
        elif state == "num":
            if ch.isdigit() or ch == ".":
                tok += ch
            else:
                out.append(("num", float(tok) if "." in tok else int(tok)))
                state = "start"
                if not ch.isspace():
                    out.append(("op", ch))
        elif state == "ident":
            if ch.isalnum() or ch == "_":
                tok += ch
            else:
                out.append(("kw" if tok in {"if", "else", "while"} else "id", tok))
                state = "start"
                if not ch.isspace():
                    out.append(("op", ch))
        elif state == "str":
            if ch == '"':
                out.append(("str", tok))
                state = "start"
            else:
                tok += ch
    return out

for kind, val in tokenize('if x1 >= 3.5 { name = "hi there"; count_2 = count_2+10 } else while'):
    print(f"{kind:<4}{val!r}")
