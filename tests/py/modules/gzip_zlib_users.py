# gzip, zipfile (deflate), tarfile (gz) and shutil's archives over zlib
import gzip, io, os, shutil, tarfile, tempfile, zipfile, zlib

data = b"".join(b"record %05d: the quick brown fox\n" % i for i in range(3000))
g = gzip.compress(data, mtime=0)
print(len(g), g[:10].hex(), gzip.decompress(g) == data)
print(gzip.decompress(g + gzip.compress(b"second", mtime=0)) == data + b"second")
print(gzip.compress(b"abc", compresslevel=1, mtime=0).hex())
buf = io.BytesIO()
with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, filename="x.txt") as f:
    f.write(data[:1000])
    f.write(data[1000:])
raw = buf.getvalue()
with gzip.GzipFile(fileobj=io.BytesIO(raw)) as f:
    print(f.read(10), f.readline(), len(f.read()), f.name)
with gzip.GzipFile(fileobj=io.BytesIO(raw)) as f:
    f.seek(50000)
    print(f.tell(), f.read(16))
try:
    gzip.decompress(g[:-10])
except EOFError as e:
    print("EOFError", e)
try:
    gzip.decompress(b"not gzip data here")
except gzip.BadGzipFile as e:
    print("BadGzipFile", e)
try:
    gzip.decompress(g[:-8] + b"\0" * 8)
except gzip.BadGzipFile as e:
    print("BadGzipFile", e)

d = tempfile.mkdtemp()
try:
    p = os.path.join(d, "a.gz")
    with gzip.open(p, "wt", encoding="utf-8") as f:
        f.write("text line\n" * 100)
    with gzip.open(p, "rt", encoding="utf-8") as f:
        lines = f.readlines()
    print(len(lines), lines[0])

    zp = os.path.join(d, "a.zip")
    with zipfile.ZipFile(zp, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("one.txt", data)
        z.writestr("two.txt", b"tiny")
        z.writestr(zipfile.ZipInfo("stored.bin"), data[:100], compress_type=zipfile.ZIP_STORED)
    with zipfile.ZipFile(zp) as z:
        print(z.namelist(), [i.compress_type for i in z.infolist()])
        print(z.read("one.txt") == data, z.read("two.txt"), z.testzip())
        with z.open("one.txt") as f:
            print(f.read(20), len(f.read()))
    tp = os.path.join(d, "a.tar.gz")
    src = os.path.join(d, "src")
    os.mkdir(src)
    with open(os.path.join(src, "f.txt"), "wb") as f:
        f.write(data)
    with tarfile.open(tp, "w:gz") as t:
        t.add(src, arcname="src")
    with tarfile.open(tp, "r:gz") as t:
        names = t.getnames()
        print(sorted(names), t.extractfile("src/f.txt").read() == data)
    with tarfile.open(tp) as t:
        print(sorted(t.getnames()))
    arc = shutil.make_archive(os.path.join(d, "arch"), "gztar", src)
    print(os.path.basename(arc))
    out = os.path.join(d, "out")
    shutil.unpack_archive(arc, out)
    print(sorted(os.listdir(out)))
    arc = shutil.make_archive(os.path.join(d, "arch"), "zip", src)
    print(os.path.basename(arc), zipfile.ZipFile(arc).namelist())
    for fmt in ("bztar", "xztar"):
        arc = shutil.make_archive(os.path.join(d, "arch"), fmt, src)
        shutil.unpack_archive(arc, os.path.join(d, fmt))
        print(os.path.basename(arc), os.listdir(os.path.join(d, fmt)))
    for mode in ("w:bz2", "w:xz"):
        with tarfile.open(tp, mode) as t:
            t.add(os.path.join(src, "f.txt"), arcname="f.txt")
        with tarfile.open(tp) as t:
            print(mode, t.getnames(), t.extractfile("f.txt").read() == data)
    print(sorted(n for n, _ in shutil.get_archive_formats()))
finally:
    shutil.rmtree(d)
