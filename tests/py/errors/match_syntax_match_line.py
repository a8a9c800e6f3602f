# a `match(...)` call line makes CPython report a later syntax error as "expected ':'"
# (without it: "invalid syntax")
match = print
match("a call, not a match statement")
x = 1 +
