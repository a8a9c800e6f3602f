class Outer:
    class InnerError(LookupError): pass
raise Outer.InnerError("deep", 2)
