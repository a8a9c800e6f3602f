import sys
print(sys.argv)
print(__name__, sys.path[0] == __import__('os').getcwd())
