import os
import sys
print(__name__, os.path.basename(sys.argv[0]), sys.argv[1:])
print(sys.path[0] == os.getcwd(), os.path.basename(__file__))
