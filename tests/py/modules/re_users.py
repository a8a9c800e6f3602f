import textwrap, fnmatch, glob, difflib, uuid, gettext, string, html, traceback
print(textwrap.fill('The quick brown fox jumps over the lazy dog ' * 3, width=30))
print(textwrap.dedent('    a\n      b\n    c'), textwrap.indent('x\ny', '> '), textwrap.shorten('Hello  world, this is long', 15))
print(fnmatch.fnmatch('foo.py', '*.py'), fnmatch.filter(['a.c', 'b.h', 'c.c'], '*.c'), fnmatch.translate('a?[!b]*'))
print(sorted(glob.glob('/usr/lib/python3.11/re/*.py')))
print(list(difflib.unified_diff(['a\n', 'b\n'], ['a\n', 'c\n'])))
print(difflib.get_close_matches('appel', ['ape', 'apple', 'peach']))
print(string.Template('$who likes ${what}').substitute(who='tim', what='kung pao'))
print(html.escape('<a & b>'), html.unescape('&lt;&amp;&#62;'))
try:
    1/0
except ZeroDivisionError:
    print(traceback.format_exc().splitlines()[-1])
print(traceback.format_exception_only(ValueError, ValueError('bad')))
