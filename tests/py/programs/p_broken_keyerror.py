# A config loader that forgets a key: ends in an uncaught KeyError.
DEFAULTS = {"host": "localhost", "port": 8080}

def load(text):
    cfg = dict(DEFAULTS)
    for line in text.strip().splitlines():
        key, _, value = line.partition("=")
        cfg[key.strip()] = value.strip()
    return cfg

def connect(cfg):
    print(f"connecting to {cfg['host']}:{cfg['port']} as {cfg['user']}")

cfg = load("""
host = example.org
port = 443
""")
print(sorted(cfg.items()))
connect(cfg)
print("unreachable")
