# _csv: the reader's state machine and the writer's quoting, on random lines under each dialect option
import _csv, random
r = random.Random(7)
alpha = ['a', 'b', ',', ';', '"', "'", '\\', ' ', '\n', '\r', '\r\n', '1', '2.5', 'é', '\0', '\t']
opts = [dict(), dict(strict=True), dict(doublequote=False), dict(escapechar='\\'), dict(quoting=_csv.QUOTE_NONE),
        dict(quoting=_csv.QUOTE_NONE, escapechar='\\'), dict(skipinitialspace=True), dict(quotechar="'"),
        dict(delimiter=';'), dict(quoting=_csv.QUOTE_NONNUMERIC), dict(doublequote=False, escapechar='\\', strict=True),
        dict(quoting=_csv.QUOTE_ALL), dict(lineterminator='\n'), dict(quotechar=None, escapechar='\\')]
class W:
    def __init__(self): self.out = []
    def write(self, s): self.out.append(s)
for i in range(1500):
    lines = [''.join(r.choice(alpha) for _ in range(r.randrange(6))) for _ in range(r.randrange(1, 4))]
    o = r.choice(opts)
    try:
        res = list(_csv.reader(lines, **o))
    except Exception as e:
        res = (type(e).__name__, str(e))
    print(i, lines, o, res)
    row = [r.choice(alpha + [None, 1, 2.5, '']) for _ in range(r.randrange(4))]
    w = W()
    try:
        _csv.writer(w, **o).writerow(row)
        res = w.out
    except Exception as e:
        res = (type(e).__name__, str(e))
    print(i, row, res)
    if isinstance(res, list) and res:
        try:
            back = list(_csv.reader(res[0].splitlines(True), **o))
        except Exception as e:
            back = (type(e).__name__, str(e))
        print(back)
