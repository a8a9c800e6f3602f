# sqlite3: Python called back from SQLite (functions, aggregates, window
# functions, collations, authorizer, progress handler, trace callback) and
# the errors they raise.
import sqlite3
import sys

cx = sqlite3.connect(":memory:")
cx.create_function("twice", 1, lambda x: x * 2, deterministic=True)
cx.create_function("kinds", -1, lambda *a: ",".join(type(v).__name__ for v in a))
print(cx.execute("select twice(21), twice('ab'), twice(1.5)").fetchone())
print(cx.execute("select kinds(1, 2.0, 'x', x'00', null)").fetchone())
cx.create_function("boom", 0, lambda: 1 / 0)
cx.create_function("huge", 0, lambda: 2 ** 64)
cx.create_function("weird", 0, lambda: object())
for f in ("boom", "huge", "weird"):
    try:
        cx.execute("select %s()" % f).fetchone()
    except sqlite3.Error as e:
        print(f, type(e).__name__, e)
cx.create_function("twice", 1, None)
try:
    cx.execute("select twice(1)")
except sqlite3.OperationalError as e:
    print(e)

class Summer:
    def __init__(self):
        self.total = 0
    def step(self, v):
        self.total += v
    def finalize(self):
        return self.total

class Broken:
    def step(self, v):
        raise ValueError
    def finalize(self):
        return 0

cx.execute("create table t(g, v)")
cx.executemany("insert into t values (?, ?)", [("a", 1), ("a", 2), ("b", 5), ("b", 6), ("c", 10)])
cx.create_aggregate("mysum", 1, Summer)
print(cx.execute("select g, mysum(v) from t group by g order by g").fetchall())
print(cx.execute("select mysum(v) from t where 0").fetchone())
cx.create_aggregate("broken", 1, Broken)
try:
    cx.execute("select broken(v) from t").fetchone()
except sqlite3.OperationalError as e:
    print(e)

class WinSum(Summer):
    def value(self):
        return self.total
    def inverse(self, v):
        self.total -= v

cx.create_window_function("winsum", 1, WinSum)
print(cx.execute("select v, winsum(v) over (order by v rows between 1 preceding and current row) "
                 "from t order by v").fetchall())

cx.create_collation("reverse", lambda a, b: (a < b) - (a > b))
print(cx.execute("select g from t group by g order by g collate reverse").fetchall())
try:
    cx.create_collation("bad", 1)
except TypeError as e:
    print(e)

seen = []
def authorizer(action, a1, a2, db, src):
    seen.append(action)
    return sqlite3.SQLITE_DENY if a2 == "v" else sqlite3.SQLITE_OK
cx.set_authorizer(authorizer)
print(cx.execute("select g from t limit 1").fetchone())
try:
    cx.execute("select v from t")
except sqlite3.DatabaseError as e:
    print(type(e).__name__, e)
print(sqlite3.SQLITE_SELECT in seen, sqlite3.SQLITE_READ in seen)
cx.set_authorizer(None)

calls = []
cx.set_progress_handler(lambda: calls.append(1) and False, 1)
cx.execute("select count(*) from t").fetchone()
print(len(calls) > 0)
cx.set_progress_handler(lambda: 1, 1)
try:
    cx.execute("select count(*) from t").fetchone()
except sqlite3.OperationalError as e:
    print(e)
cx.set_progress_handler(None, 1)

traced = []
cx.set_trace_callback(traced.append)
cx.execute("select ? + 1", (41,)).fetchone()
cx.set_trace_callback(None)
cx.execute("select 0")
print(traced)

# with tracebacks on, a failing callback goes through sys.unraisablehook
sqlite3.enable_callback_tracebacks(True)
def hook(u):
    print("unraisable:", u.exc_type.__name__)
sys.unraisablehook = hook
try:
    cx.execute("select boom()").fetchone()
except sqlite3.OperationalError as e:
    print(e)
