# sqlite3 objects dropped in any order: the collector frees connections,
# statements stopped inside a window function, blobs and registered callables
# together, and SQLite's handles are freed later without calling Python for
# objects that are gone.
import gc
import sqlite3

class Window:
    def __init__(self):
        self.n = 0
    def step(self, v):
        self.n += v
    def inverse(self, v):
        self.n -= v
    def value(self):
        return self.n
    def finalize(self):
        return self.n

firsts = []
for i in range(20):
    cx = sqlite3.connect(":memory:")
    cx.create_window_function("w", 1, Window)
    cx.create_function("f", 1, lambda v: v + i)
    cx.create_collation("c", lambda a, b: (a > b) - (a < b))
    cx.execute("create table t(v, b)")
    cx.executemany("insert into t values (?, zeroblob(4))", [(j,) for j in range(30)])
    cu = cx.execute("select w(f(v)) over (order by v rows between 2 preceding and current row) from t")
    firsts.append(cu.fetchone()[0])
    blob = cx.blobopen("t", "b", 1)
    del cu, cx, blob
    gc.collect()
    sqlite3.connect(":memory:").execute("select 1")   # frees what the collection queued
print(firsts)

# a connection closed while its cursors and blobs are still alive
cx = sqlite3.connect(":memory:")
cx.execute("create table t(v)")
cx.executemany("insert into t values (?)", [(j,) for j in range(5)])
cu = cx.execute("select v from t")
print(cu.fetchone())
cx.close()
for f in (cu.fetchone, cu.fetchall, lambda: cu.execute("select 1")):
    try:
        f()
    except sqlite3.ProgrammingError as e:
        print(e)
del cu, cx
gc.collect()
print(sqlite3.connect(":memory:").execute("select 2").fetchone())
