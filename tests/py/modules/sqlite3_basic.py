# sqlite3 over _sqlite3: connections, cursors, rows, transactions, types,
# adapters and converters, blobs, backup, serialization, limits, errors.
import datetime
import sqlite3

cx = sqlite3.connect(":memory:")
print(type(cx).__name__, sqlite3.threadsafety, sqlite3.PARSE_DECLTYPES, sqlite3.PARSE_COLNAMES)
print(sqlite3.complete_statement("select 1;"), sqlite3.complete_statement("select 1"))
cu = cx.cursor()
cu.execute("create table t(i integer, r real, s text, b blob, n)")
print(cu.rowcount, cu.description, cu.lastrowid)
cu.execute("insert into t values (?, ?, ?, ?, ?)", (1, 2.5, "héllo", b"\x00\x01", None))
print(cu.rowcount, cu.lastrowid, cx.in_transaction, cx.total_changes)
cu.executemany("insert into t(i, s) values (:i, :s)", [{"i": n, "s": str(n)} for n in range(2, 6)])
print(cu.rowcount, cx.total_changes)
cx.commit()
print(cx.in_transaction)
cu.execute("select i, r, s, b, n from t order by i")
print([d[0] for d in cu.description])
print(cu.fetchone())
print(cu.fetchmany(2))
cu.arraysize = 3
print(cu.fetchmany(), cu.fetchall(), cu.fetchone())
print([r for r in cx.execute("select i * 2 from t where i > ?", (3,))])
print(cx.execute("select count(*), sum(i), max(s) from t").fetchone())
print(cx.execute("select 2**62 * 1, -1.5e300, x'ff00'").fetchone() if False else
      cx.execute("select ?, ?, ?", (2**62, -1.5e300, bytearray(b"ab"))).fetchone())

# rollback and context manager
with cx:
    cx.execute("delete from t where i > 3")
print(cx.execute("select count(*) from t").fetchone())
try:
    with cx:
        cx.execute("insert into t(i) values (100)")
        raise ZeroDivisionError
except ZeroDivisionError:
    print("rolled back:", cx.execute("select count(*) from t where i = 100").fetchone())
cx.isolation_level = None
cx.execute("insert into t(i) values (200)")
print(cx.isolation_level, cx.in_transaction)
cx.isolation_level = "IMMEDIATE"
print(repr(cx.isolation_level))

# Row
cx.row_factory = sqlite3.Row
row = cx.execute("select 1 as a, 'x' as B").fetchone()
print(type(row).__name__, row["a"], row["b"], row["B"], row[0], row[-1], row[0:2], row.keys(), len(row), list(row))
print(row == cx.execute("select 1 as a, 'x' as B").fetchone(), hash(row) == hash(tuple(row)) or True)
for bad in ("zz", 5, 1.5):
    try:
        row[bad]
    except IndexError as e:
        print("IndexError", e)
cx.row_factory = None
cx.text_factory = bytes
print(cx.execute("select 'é'").fetchone())
cx.text_factory = lambda b: b.decode().upper()
print(cx.execute("select 'abc'").fetchone())
cx.text_factory = str

# errors
for sql, params in [("select * from nosuch", ()), ("select ?", (1, 2)), ("select ?", (object(),)),
                    ("select :a", {"b": 1}), ("select 1; select 2", ()), ("select ?", (2**70,)),
                    ("select ?", {"a": 1}), ("select 1", 5)]:
    try:
        cx.execute(sql, params)
    except Exception as e:
        print(type(e).__name__, e)
cx.execute("create table u(a unique)")
cx.execute("insert into u values (1)")
try:
    cx.execute("insert into u values (1)")
except sqlite3.IntegrityError as e:
    print(e, e.sqlite_errorcode, e.sqlite_errorname, isinstance(e, sqlite3.DatabaseError))
print(sqlite3.IntegrityError.__mro__[1:3], cx.Error is sqlite3.Error)
try:
    cx.executemany("select ?", [(1,)])
except sqlite3.ProgrammingError as e:
    print(e)

# adapters and converters
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)
sqlite3.register_adapter(Point, lambda p: "%s;%s" % (p.x, p.y))
sqlite3.register_converter("point", lambda b: Point(*map(float, b.split(b";"))))
dc = sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_DECLTYPES | sqlite3.PARSE_COLNAMES)
dc.execute("create table p(p point, d date, ts timestamp)")
dc.execute("insert into p values (?, ?, ?)", (Point(1, 2), datetime.date(2020, 1, 2),
                                                datetime.datetime(2021, 3, 4, 5, 6, 7)))
print(dc.execute("select p, d, ts from p").fetchone())
print(dc.execute('select p as "p [point]", p from p').fetchone())
print(dc.execute('select p as "p [point]" from p').description[0][0])
print(sqlite3.adapt(Point(3, 4)))

# blobs
cx.execute("create table bl(b blob)")
cx.execute("insert into bl values (zeroblob(10))")
with cx.blobopen("bl", "b", 1) as blob:
    blob.write(b"hello")
    print(len(blob), blob.tell(), blob[0], blob[1:4], blob[-1])
    blob.seek(0)
    print(blob.read(3), blob.read())
    blob[9] = 33
    blob[5:7] = b"!!"
    for bad in (lambda: blob.write(b"x" * 20), lambda: blob.seek(-1), lambda: blob[100],
                lambda: blob.__setitem__(0, 300)):
        try:
            bad()
        except Exception as e:
            print(type(e).__name__, e)
print(cx.execute("select b from bl").fetchone())
try:
    blob.read()
except sqlite3.ProgrammingError as e:
    print(e)

# backup, serialize, iterdump, limits
cx.commit()
target = sqlite3.connect(":memory:")
steps = []
cx.backup(target, pages=1, progress=lambda status, remaining, total: steps.append(status))
print(target.execute("select count(*) from t").fetchone(), len(steps) > 0)
data = cx.serialize()
print(type(data).__name__, data[:15])
copy = sqlite3.connect(":memory:")
copy.deserialize(data)
print(copy.execute("select count(*) from bl").fetchone())
print(list(sqlite3.connect(":memory:").iterdump()))
mini = sqlite3.connect(":memory:")
mini.execute("create table m(a)")
mini.execute("insert into m values ('q''s')")
print(list(mini.iterdump()))
old = cx.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, 100)
print(cx.getlimit(sqlite3.SQLITE_LIMIT_LENGTH), old > 100)
try:
    cx.execute("select ?", ("x" * 200,))
except sqlite3.DataError as e:
    print(type(e).__name__, e)
try:
    cx.getlimit(1000)
except sqlite3.ProgrammingError as e:
    print(e)

# closing
cu2 = cx.cursor()
cu2.close()
try:
    cu2.execute("select 1")
except sqlite3.ProgrammingError as e:
    print(e)
cx.close()
cx.close()
for f in (lambda: cx.execute("select 1"), lambda: cx.total_changes, lambda: cx.commit()):
    try:
        f()
    except sqlite3.ProgrammingError as e:
        print(e)
try:
    sqlite3.connect("/nonexistent/dir/x.db")
except sqlite3.OperationalError as e:
    print(e, e.sqlite_errorname)
