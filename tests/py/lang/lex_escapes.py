# Escape sequences
for s in ['\a', '\b', '\f', '\n', '\r', '\t', '\v', '\0', '\\', '\'', '\"',
          '\x7e', '\177', '\u20ac', '\U0001F40D', '\N{BULLET}']:
    print(repr(s), len(s), [ord(c) for c in s])
print('line1\
line2')
print("a\
b")
print(r'\d+\s*' , len(r'\d'))
