# compile() and exec() of bytes honour a BOM and a coding cookie (the string
# tokenizer's rules and messages); a str source ignores its cookie.
def t(label, src, mode='exec'):
    try:
        code = compile(src, 'src.py', mode)
        ns = {}
        r = eval(code, ns) if mode == 'eval' else exec(code, ns)
        print(label, 'ok', ascii(r if mode == 'eval' else ns.get('x')))
    except SyntaxError as e:
        print(label, 'SyntaxError', e.msg, e.filename, e.lineno, e.offset)


t('latin-1', b'# coding: latin-1\nx = "\xe9\xe8"')
t('latin-1 line 2', b'#!/bin/sh\n# -*- coding: iso-8859-1 -*-\nx = "\xe9"')
t('latin-1 line 3', b'\n\n# coding: latin-1\nx = 1')
t('after code', b'x = 1  # coding: latin-1\n')
t('ascii', b'# coding: ascii\nx = "abc"')
t('ascii bad', b'# coding: ascii\nx = "\xc3\xa9"')
t('utf-8', b'# coding: utf-8\nx = "\xc3\xa9"')
t('utf8', b'# coding: utf8\nx = "\xc3\xa9"')
t('UTF_8', b'# vim:fileencoding=UTF_8\nx = "\xc3\xa9"')
t('latin_1', b'# coding: Latin_1\nx = "\xe9"')
t('unknown', b'# coding: nosuch\nx = 1')
t('unknown line 2', b'#\n# coding: nosuch\nx = 1')
t('BOM', b'\xef\xbb\xbfx = "\xc3\xa9"')
t('BOM utf-8', b'\xef\xbb\xbf# coding: utf-8\nx = 1')
t('BOM latin-1', b'\xef\xbb\xbf# coding: latin-1\nx = 1')
t('BOM utf8', b'\xef\xbb\xbf# coding: utf8\nx = 1')
t('eval latin-1', b'# coding: latin-1\n"\xe9"', 'eval')
t('str ignores cookie', '# coding: latin-1\nx = "\xe9"')
t('str nosuch', '# coding: nosuch\nx = 1')
print(ascii(eval(b'# coding: latin-1\n"\xe9"')))
exec(b'# coding: latin-1\nprint(ascii("\xe9"))')

# a program piped to stdin takes no cookie but utf-8 (CPython's tokenizer
# switches encodings by seeking back); redirected from a file it can
import os
import sys
sys.stdout.flush()
for prog in [r"# coding: latin-1\nprint(ascii('\351'))\n", r"# coding: nosuch\nprint(1)\n",
             r"# coding: utf-8\nprint(ascii('\303\251'))\n"]:
    for how in ['printf "%s" | %s - 2>&1', 'printf "%s" > /tmp/gilpy_stdin_%d.py; %s - < /tmp/gilpy_stdin_%d.py 2>&1']:
        if '%d' in how:
            cmd = how % (prog, os.getpid(), sys.executable, os.getpid())
        else:
            cmd = how % (prog, sys.executable)
        status = os.system(cmd)
        print('exit', os.waitstatus_to_exitcode(status), flush=True)
os.remove('/tmp/gilpy_stdin_%d.py' % os.getpid())
