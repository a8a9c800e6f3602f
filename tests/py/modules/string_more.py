# string: Template edge cases, Formatter, capwords
import string
t = string.Template('$$ $a ${b}c $d')
print(t.substitute(a=1, b=2, d=3), t.substitute({'a': 'x', 'b': 'y', 'd': 'z'}, a='kw'), t.safe_substitute(a=1))
print(string.Template('$x$y').get_identifiers(), string.Template('a $').is_valid(), string.Template('$a').is_valid())
for tmpl in ['bad $ here', '$', 'line1\n  $1x', 'x ${a']:
    try:
        string.Template(tmpl).substitute(a=1)
    except ValueError as e:
        print('ValueError', e)
print(string.Template('bad $ here').safe_substitute(), string.Template('${a').safe_substitute(a=1))
class Pct(string.Template):
    delimiter = '%'
print(Pct('%who is %% %{x}').substitute(who='me', x='y'))
f = string.Formatter()
print(f.format('{} {} {name!r:>6} {0}', 'a', 'b', name='n') if False else f.format('{0} {1} {name!r:>6}', 'a', 'b', name='n'))
print(f.format('{0[1]:>{w}}|{{}}|{0[0]}|{p.real}', [7, 8], w=5, p=3), f.format('{}-{}', 1, 2), list(f.parse('a{0!s:^3}b{{')))
try:
    f.format('{0}{}', 1, 2)
except ValueError as e:
    print('ValueError', e)
print(string.capwords(' a  b\tc '), string.capwords('x_y z', '_'), string.printable == string.digits + string.ascii_letters + string.punctuation + string.whitespace)
