# is* predicates
tests = ['', 'abc', 'ABC', 'Abc', 'abc123', '123', ' ', '\t\n', 'Hello World', 'hello world', '12.5', '\u00e9', '_x', 'x1', '1x', 'class', '\u0663']
for t in tests:
    print(repr(t), t.isalpha(), t.isdigit(), t.isalnum(), t.isspace(), t.isupper(), t.islower(),
          t.istitle(), t.isdecimal(), t.isnumeric(), t.isidentifier(), t.isascii(), t.isprintable())
