import sys

def main(argv):
    print("args:", argv[1:])
    if len(argv) < 2:
        print("usage: prog FILE", file=sys.stderr)
        return 2
    return 0

if __name__ == "__main__":
    sys.exit(main(sys.argv))
