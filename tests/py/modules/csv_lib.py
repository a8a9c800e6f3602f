# test: path=_csv_io_stub
# CPython's csv.py over _csv: reader, DictReader/DictWriter, dialects, Sniffer, errors
import csv
class Out:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s); return len(s)
    def text(self): return ''.join(self.parts)
rows = ['name,age,city\r\n', 'Alice,30,"New York, NY"\r\n', 'Bob,25,"He said ""hi"""\r\n', '"multi\r\nline",1,x\r\n']
for row in csv.reader(rows):
    print(row)
for d in csv.DictReader(rows):
    print(dict(d))
dr = csv.DictReader(rows[1:], fieldnames=['n', 'a'], restkey='rest', restval='?')
print([dict(x) for x in dr], dr.line_num)
o = Out()
w = csv.DictWriter(o, fieldnames=['a', 'b'], extrasaction='ignore')
w.writeheader(); w.writerow({'a': 1, 'b': 'x,y', 'c': 3}); w.writerows([{'a': None}, {'b': 'q"q'}])
print(repr(o.text()))
try:
    csv.DictWriter(Out(), fieldnames=['a']).writerow({'z': 1})
except ValueError as e:
    print('ValueError', e)
o = Out()
csv.writer(o, dialect='excel-tab').writerow(['a\tb', 'c'])
csv.writer(o, dialect='unix').writerow(['a', 1, None])
csv.writer(o, quoting=csv.QUOTE_NONNUMERIC).writerow(['a', 1, 2.5])
print(repr(o.text()))
print(sorted(csv.list_dialects()))
class MyDialect(csv.Dialect):
    delimiter = '|'; quotechar = '"'; lineterminator = '\n'; quoting = csv.QUOTE_MINIMAL; doublequote = True; skipinitialspace = False
csv.register_dialect('pipe', MyDialect)
print(list(csv.reader(['a|b|"c|d"\n'], 'pipe')), csv.get_dialect('pipe').delimiter)
class Bad(csv.Dialect):
    delimiter = ''
try:
    Bad()
except csv.Error as e:
    print('Error', e)
s = csv.Sniffer()
sample = 'a;b;c\n1;2;3\n4;5;6\n'
d = s.sniff(sample)
print(d.delimiter, repr(d.quotechar), d.skipinitialspace, s.has_header('name;age\nbob;3\nann;4\n'))
d = s.sniff('"x","y"\n"1","2"\n')
print(d.delimiter, d.quotechar, d.doublequote)
print(list(csv.reader(['1,2\n'], quoting=csv.QUOTE_NONNUMERIC)))
try:
    list(csv.reader(['a,"b\n'], strict=True))
except csv.Error as e:
    print('Error', e)
try:
    list(csv.reader(['a\rb\n']))
except csv.Error as e:
    print('Error', e)
old = csv.field_size_limit(5)
try:
    list(csv.reader(['abcdef']))
except csv.Error as e:
    print('Error', e)
print(csv.field_size_limit(old))
print(csv.QUOTE_ALL, csv.__version__, csv.excel.lineterminator == '\r\n', csv.unix_dialect.quoting)
