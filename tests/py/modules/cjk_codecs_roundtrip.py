# The CJK codecs (_multibytecodec and _codecs_jp/cn/kr/tw/hk/iso2022): round trips,
# errors= variants and error positions.
import codecs

TEXT = {
    'shift_jis': 'Pythonの開発は、1990年ごろから開始されています。ｱｲｳ',
    'cp932': 'Pythonの開発は①Ⅱ～',
    'euc_jp': '日本語テキスト ｶﾅ 丂',
    'euc_jis_2004': 'か\u309aæ\u0300𠀋',
    'shift_jis_2004': '森鷗外 か\u309a',
    'gb2312': '中文编码测试',
    'gbk': '中文編碼測試',
    'gb18030': '中文 \u20ac \U00012345 \uac00\u00ac',
    'hz': 'ab~中文~cd',
    'big5': '繁體中文測試',
    'cp950': '繁體中文€',
    'big5hkscs': '香港增補字符集 \u00ca\u0304\u00ca',
    'euc_kr': '한국어 텍스트 똠방각하',
    'cp949': '한국어 똠방각하',
    'johab': '한국어 텍스트',
    'iso2022_jp': 'ISO-2022-JP の テキスト',
    'iso2022_jp_2': 'ISO 中文 한국어 日本',
    'iso2022_kr': '한국어 text\n두 줄',
}
for enc, s in TEXT.items():
    b = s.encode(enc)
    print(enc, b, b.decode(enc) == s, codecs.lookup(enc).name)

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e, getattr(e, 'start', None), getattr(e, 'end', None))

for enc in ['shift_jis', 'euc_jp', 'gbk', 'gb18030', 'big5', 'euc_kr', 'cp949', 'iso2022_jp']:
    for errors in ['strict', 'replace', 'ignore', 'backslashreplace', 'xmlcharrefreplace']:
        show(lambda: ('a\u0b13b\udc80' + '日').encode(enc, errors))
    for errors in ['strict', 'replace', 'ignore', 'backslashreplace', 'surrogateescape']:
        show(lambda: b'ab\x80\x81\xff\xa4'.decode(enc, errors))

log = []
def record(exc):
    log.append((type(exc).__name__, exc.start, exc.end, exc.reason))
    return ('<?>', exc.end)
codecs.register_error('test.record', record)
for enc in ['shift_jis', 'euc_kr', 'gb18030', 'iso2022_jp_2', 'hz']:
    del log[:]
    print(enc, b'a\x81\x20b\xa4\xd4\xa4\xb6\xa4\xd0\xa4\xd4~{~\x81'.decode(enc, 'test.record'), log)
    del log[:]
    print(enc, '\u0100x\U0010ffff'.encode(enc, 'test.record'), log)

codecs.register_error('test.bytes', lambda e: (b'[%d]' % e.start, e.end))
print('x\u0100y'.encode('shift_jis', 'test.bytes'))
codecs.register_error('test.bad', lambda e: (1, e.end))
show(lambda: '\u0100'.encode('euc_jp', 'test.bad'))
show(lambda: b'\xff'.decode('euc_jp', 'test.bad'))
codecs.register_error('test.far', lambda e: ('x', 100))
show(lambda: '\u0100'.encode('euc_jp', 'test.far'))
show(lambda: b'\x81'.decode('shift_jis', 'unknown-handler'))
show(lambda: codecs.lookup('shift_jis').decode('text'))
show(lambda: codecs.lookup('shift_jis').encode('x', 1))
import _codecs_jp, _multibytecodec
show(lambda: _codecs_jp.getcodec('nope'))
show(lambda: _codecs_jp.getcodec(1))
print(type(_codecs_jp.getcodec('cp932')).__name__)
print('abcd'.encode('euc_jis_2004'), b''.decode('iso2022_kr'))

# source code in a CJK encoding: a coding cookie, trail bytes that are ASCII's backslash
import os, runpy, tempfile
src = '# -*- coding: shift_jis -*-\ntext = "表示ソ能\\\\"\nprint(text, len(text))\n'.encode('shift_jis')
exec(compile(src, 'sjis_source', 'exec'))
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, 'iso_src.py')
    with open(path, 'wb') as f:
        f.write('# coding: iso2022_jp\nmessage = "日本語のソース"\n'.encode('iso2022_jp'))
    print(runpy.run_path(path)['message'])
