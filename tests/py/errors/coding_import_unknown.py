# importing a module whose cookie names no known codec
import _coding_nosuch_mod
