import string
print(string.ascii_letters, string.ascii_lowercase, string.ascii_uppercase)
print(string.digits, string.hexdigits, string.octdigits, repr(string.whitespace), string.punctuation)
print(repr(string.printable))
print(string.capwords('hello   world  foo'), string.capwords('a-b-c', '-'), string.capwords(''))
t = string.Template('$who likes ${what}! $$5')
print(t.substitute(who='tim', what='pie'), t.substitute({'who': 'a', 'what': 'b'}), t.safe_substitute(who='x'))
try:
    t.substitute(who='x')
except KeyError as e:
    print('KeyError', e)
try:
    string.Template('$').substitute()
except ValueError as e:
    print('ValueError', e)
print(t.template, string.Template('${a}b').substitute(a=1))
f = string.Formatter()
print(f.format('{0} {x!r} {1:>4}', 1, 2, x='s'), list(f.parse('a{0}b{x:3}c')))
print(f.vformat('{a}-{b}', (), {'a': 1, 'b': 2}))
print(string.Template.delimiter, string.ascii_letters.index('Z'))
