# string module
import string
print(string.ascii_letters, string.ascii_lowercase, string.ascii_uppercase, string.digits, string.hexdigits, string.octdigits)
print(repr(string.punctuation), repr(string.whitespace), len(string.printable))
print(string.capwords('hello   big world'), string.capwords('a-b c', '-'))
t = string.Template('$who likes ${what}!')
print(t.substitute(who='Tim', what='kung pao'), t.safe_substitute(who='Ann'))
try:
    t.substitute(who='x')
except KeyError as e:
    print(type(e).__name__, e)
f = string.Formatter()
print(f.format('{0}-{x}', 1, x=2))
