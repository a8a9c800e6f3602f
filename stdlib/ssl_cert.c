/* ssl_cert.c - X.509 certificates as `_ssl` shows them.
 *
 * getpeercert() and _test_decode_cert() give CPython's dict: subject and
 * issuer as tuples of relative distinguished names (each a tuple of
 * (long attribute name, value) pairs, consecutive entries of one set
 * sharing a tuple), version, serialNumber in upper-case hex, notBefore and
 * notAfter as OpenSSL prints times, then, when present, subjectAltName
 * ((kind, value) pairs), OCSP, caIssuers and crlDistributionPoints (tuples
 * of URIs).  A general name kind CPython does not spell out itself is
 * OpenSSL's printed form split at its first colon ('othername',
 * '<unsupported>').
 */
#include <stdio.h>
#include <string.h>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include "ssl.h"
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/obj_bytes.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_exc.h"
#include "runtime/obj_list.h"
#include "runtime/obj_str.h"
#include "runtime/gc.h"
#include "runtime/obj_type.h"

/* What a memory BIO holds, as a str (the BIO is emptied). */
static Value cert_bio_str(BIO *b)
{
    char *p;
    long n = BIO_get_mem_data(b, &p);
    Value s = str_new_checked(p, n > 0 ? (size_t)n : 0);
    (void)BIO_reset(b);
    return s;
}

static Value cert_asn1_str(ASN1_STRING *s)
{
    unsigned char *buf = NULL;
    int n = ASN1_STRING_to_UTF8(&buf, s);
    if (n < 0) return ssl_err_lib(NULL, __LINE__);
    Value v = str_new_checked((const char *)buf, (size_t)n);
    OPENSSL_free(buf);
    return v;
}

/* An attribute's name: its long name, or the dotted OID. */
static Value cert_obj_name(const ASN1_OBJECT *o, int no_name)
{
    char buf[256];
    int n = OBJ_obj2txt(buf, sizeof buf, o, no_name);
    if (n < 0) return ssl_err_lib(NULL, __LINE__);
    if (n >= (int)sizeof buf) n = sizeof buf - 1;
    return str_new(buf, (size_t)n);
}

/* ((('countryName', 'XY'),), (('commonName', 'x'),), ...) */
static Value cert_name(const X509_NAME *name)
{
    Value rdns = list_new(0), rdn = VAL_NULL;
    if (IS_NULL(rdns)) return VAL_NULL;
    int last_set = -1, n = X509_NAME_entry_count(name);
    for (int i = 0; i < n; i++) {
        const X509_NAME_ENTRY *e = X509_NAME_get_entry(name, i);
        int set = X509_NAME_ENTRY_set(e);
        if (set != last_set && !IS_NULL(rdn)) {
            Value t = seq_to_tuple(rdn);
            if (IS_NULL(t) || list_append(rdns, t) < 0) return VAL_NULL;
            rdn = VAL_NULL;
        }
        last_set = set;
        if (IS_NULL(rdn) && IS_NULL(rdn = list_new(0))) return VAL_NULL;
        Value k = cert_obj_name(X509_NAME_ENTRY_get_object(e), 0);
        Value v = IS_NULL(k) ? VAL_NULL : cert_asn1_str(X509_NAME_ENTRY_get_data(e));
        Value pair = IS_NULL(v) ? VAL_NULL : tuple_pack(2, k, v);
        if (IS_NULL(pair) || list_append(rdn, pair) < 0) return VAL_NULL;
    }
    if (!IS_NULL(rdn)) {
        Value t = seq_to_tuple(rdn);
        if (IS_NULL(t) || list_append(rdns, t) < 0) return VAL_NULL;
    }
    return seq_to_tuple(rdns);
}

static Value cert_pair_c(const char *kind, Value v)
{
    return IS_NULL(v) ? VAL_NULL : tuple_pack(2, str_from_c(kind), v);
}

static Value cert_ia5(const ASN1_STRING *s)
{
    return str_new_checked((const char *)ASN1_STRING_get0_data(s), (size_t)ASN1_STRING_length(s));
}

static Value cert_ip(const ASN1_OCTET_STRING *ip)
{
    const unsigned char *p = ASN1_STRING_get0_data(ip);
    int len = ASN1_STRING_length(ip);
    char buf[64];
    if (len == 4) {
        snprintf(buf, sizeof buf, "%d.%d.%d.%d", p[0], p[1], p[2], p[3]);
    } else if (len == 16) {
        int o = 0;
        for (int i = 0; i < 8; i++)
            o += snprintf(buf + o, sizeof buf - (size_t)o, i ? ":%X" : "%X", p[2 * i] << 8 | p[2 * i + 1]);
    } else {
        return str_from_c("<invalid>");
    }
    return str_from_c(buf);
}

/* OpenSSL's printed form of a general name, split at the first colon. */
static Value cert_gn_printed(GENERAL_NAME *gn, BIO *b)
{
    (void)BIO_reset(b);
    GENERAL_NAME_print(b, gn);
    Value s = cert_bio_str(b);
    if (IS_NULL(s)) return VAL_NULL;
    const char *t = STR_DATA(s), *colon = strchr(t, ':');
    if (!colon) return err_format(ssl_exc_error, "Invalid value %.200s", t);
    return tuple_pack(2, str_new(t, (size_t)(colon - t)), str_from_c(colon + 1));
}

static Value cert_general_name(GENERAL_NAME *gn, BIO *b)
{
    switch (gn->type) {
    case GEN_DIRNAME: return cert_pair_c("DirName", cert_name(gn->d.dirn));
    case GEN_EMAIL: return cert_pair_c("email", cert_ia5(gn->d.rfc822Name));
    case GEN_DNS: return cert_pair_c("DNS", cert_ia5(gn->d.dNSName));
    case GEN_URI: return cert_pair_c("URI", cert_ia5(gn->d.uniformResourceIdentifier));
    case GEN_IPADD: return cert_pair_c("IP Address", cert_ip(gn->d.iPAddress));
    case GEN_RID: return cert_pair_c("Registered ID", cert_obj_name(gn->d.registeredID, 0));
    default: return cert_gn_printed(gn, b);
    }
}

/* subjectAltName, or None when the certificate has none. */
static Value cert_alt_names(X509 *cert, BIO *b)
{
    GENERAL_NAMES *names = X509_get_ext_d2i(cert, NID_subject_alt_name, NULL, NULL);
    if (!names) { ERR_clear_error(); return VAL_NONE; }
    Value out = list_new(0);
    for (int i = 0; !IS_NULL(out) && i < sk_GENERAL_NAME_num(names); i++) {
        Value t = cert_general_name(sk_GENERAL_NAME_value(names, i), b);
        if (IS_NULL(t) || list_append(out, t) < 0) out = VAL_NULL;
    }
    GENERAL_NAMES_free(names);
    return IS_NULL(out) ? VAL_NULL : seq_to_tuple(out);
}

/* The URIs of authorityInfoAccess entries of method nid: a tuple, or None. */
static Value cert_aia(X509 *cert, int nid)
{
    AUTHORITY_INFO_ACCESS *info = X509_get_ext_d2i(cert, NID_info_access, NULL, NULL);
    if (!info) { ERR_clear_error(); return VAL_NONE; }
    Value out = list_new(0);
    for (int i = 0; !IS_NULL(out) && i < sk_ACCESS_DESCRIPTION_num(info); i++) {
        ACCESS_DESCRIPTION *ad = sk_ACCESS_DESCRIPTION_value(info, i);
        if (OBJ_obj2nid(ad->method) != nid || ad->location->type != GEN_URI) continue;
        Value u = cert_ia5(ad->location->d.uniformResourceIdentifier);
        if (IS_NULL(u) || list_append(out, u) < 0) out = VAL_NULL;
    }
    AUTHORITY_INFO_ACCESS_free(info);
    if (IS_NULL(out)) return VAL_NULL;
    return AS_LIST(out)->len ? seq_to_tuple(out) : VAL_NONE;
}

static Value cert_crl_points(X509 *cert)
{
    STACK_OF(DIST_POINT) *dps = X509_get_ext_d2i(cert, NID_crl_distribution_points, NULL, NULL);
    if (!dps) { ERR_clear_error(); return VAL_NONE; }
    Value out = list_new(0);
    for (int i = 0; !IS_NULL(out) && i < sk_DIST_POINT_num(dps); i++) {
        DIST_POINT *dp = sk_DIST_POINT_value(dps, i);
        if (!dp->distpoint || dp->distpoint->type != 0) continue;
        GENERAL_NAMES *gns = dp->distpoint->name.fullname;
        for (int j = 0; !IS_NULL(out) && j < sk_GENERAL_NAME_num(gns); j++) {
            GENERAL_NAME *gn = sk_GENERAL_NAME_value(gns, j);
            if (gn->type != GEN_URI) continue;
            Value u = cert_ia5(gn->d.uniformResourceIdentifier);
            if (IS_NULL(u) || list_append(out, u) < 0) out = VAL_NULL;
        }
    }
    CRL_DIST_POINTS_free(dps);
    if (IS_NULL(out)) return VAL_NULL;
    return AS_LIST(out)->len ? seq_to_tuple(out) : VAL_NONE;
}

static int cert_set_printed(Value d, const char *key, BIO *b)
{
    Value s = cert_bio_str(b);
    return IS_NULL(s) ? -1 : dict_set_c(d, key, s);
}

/* The keys after the names: version, serialNumber, the validity. */
static int cert_fill_basics(Value d, X509 *cert, BIO *b)
{
    if (dict_set_c(d, "version", MK_SMALLINT(X509_get_version(cert) + 1)) < 0) return -1;
    i2a_ASN1_INTEGER(b, X509_get0_serialNumber(cert));
    if (cert_set_printed(d, "serialNumber", b) < 0) return -1;
    ASN1_TIME_print(b, X509_get0_notBefore(cert));
    if (cert_set_printed(d, "notBefore", b) < 0) return -1;
    ASN1_TIME_print(b, X509_get0_notAfter(cert));
    return cert_set_printed(d, "notAfter", b);
}

/* The keys present only when the certificate has them. */
static int cert_fill_optional(Value d, X509 *cert, BIO *b)
{
    static const struct { const char *key; int nid; } aia[] = {{"OCSP", NID_ad_OCSP},
                                                                {"caIssuers", NID_ad_ca_issuers}};
    Value v = cert_alt_names(cert, b);
    if (IS_NULL(v) || (!IS_NONE(v) && dict_set_c(d, "subjectAltName", v) < 0)) return -1;
    for (int i = 0; i < 2; i++) {
        v = cert_aia(cert, aia[i].nid);
        if (IS_NULL(v) || (!IS_NONE(v) && dict_set_c(d, aia[i].key, v) < 0)) return -1;
    }
    v = cert_crl_points(cert);
    return IS_NULL(v) || (!IS_NONE(v) && dict_set_c(d, "crlDistributionPoints", v) < 0) ? -1 : 0;
}

Value ssl_cert_decode(X509 *cert)
{
    Value d = dict_new();
    if (IS_NULL(d)) return VAL_NULL;
    Value subj = cert_name(X509_get_subject_name(cert));
    if (IS_NULL(subj) || dict_set_c(d, "subject", subj) < 0) return VAL_NULL;
    Value iss = cert_name(X509_get_issuer_name(cert));
    if (IS_NULL(iss) || dict_set_c(d, "issuer", iss) < 0) return VAL_NULL;
    BIO *b = BIO_new(BIO_s_mem());
    if (!b) return ssl_err_lib(NULL, __LINE__);
    int r = cert_fill_basics(d, cert, b) < 0 ? -1 : cert_fill_optional(d, cert, b);
    BIO_free(b);
    return r < 0 ? VAL_NULL : d;
}

Value ssl_cert_der(X509 *cert)
{
    unsigned char *buf = NULL;
    int n = i2d_X509(cert, &buf);
    if (n < 0) return ssl_err_lib(NULL, __LINE__);
    Value v = bytes_new(buf, (size_t)n);
    OPENSSL_free(buf);
    return v;
}

Value ssl_cert_asn1obj(const ASN1_OBJECT *obj)
{
    int nid = OBJ_obj2nid(obj);
    if (nid == NID_undef) return err_format(&exc_ValueError, "Unknown object");
    Value oid = cert_obj_name(obj, 1);
    if (IS_NULL(oid)) return VAL_NULL;
    const char *sn = OBJ_nid2sn(nid), *ln = OBJ_nid2ln(nid);
    return tuple_pack(4, MK_SMALLINT(nid), sn ? str_from_c(sn) : VAL_NONE, ln ? str_from_c(ln) : VAL_NONE, oid);
}

X509 *ssl_cert_load_file(Value path)
{
    Value p = arg_to_path(path), keep = VAL_NULL;
    if (IS_NULL(p)) return NULL;
    const char *name = IS_STR(p) ? str_fsencode(p, &keep) : (const char *)AS_BYTES(p)->data;
    if (!name) return NULL;
    BIO *b = BIO_new(BIO_s_file());
    if (!b) { ssl_err_lib("Can't malloc memory to read file", __LINE__); return NULL; }
    X509 *x = NULL;
    if (BIO_read_filename(b, name) <= 0) ssl_err_lib("Can't open file", __LINE__);
    else if (!(x = PEM_read_bio_X509(b, NULL, NULL, NULL))) ssl_err_lib("Error decoding PEM-encoded file", __LINE__);
    BIO_free(b);
    return x;
}

/* ---- _ssl.Certificate: one certificate of a connection's chain ---------------------- */

typedef struct {
    Obj   header;
    X509 *cert;
} SslCertObj;

#define CERT(v) (((SslCertObj *)AS_OBJ(v))->cert)

static void certobj_finalize(Obj *o)
{
    SslCertObj *c = (SslCertObj *)o;
    if (c->cert) X509_free(c->cert);
    c->cert = NULL;
}

Value ssl_certificate_new(X509 *cert)
{
    SslCertObj *c = (SslCertObj *)gc_alloc(&type_ssl_certificate, sizeof(SslCertObj));
    if (!c) return VAL_NULL;
    X509_up_ref(cert);
    c->cert = cert;
    return MK_OBJ(c);
}

static Value certobj_new_m(Value *args, int nargs, Value kwnames)
{
    return err_format(&exc_TypeError, "cannot create '_ssl.Certificate' instances");
}

static Value certobj_get_info_m(Value *args, int nargs, Value kwnames) { return ssl_cert_decode(CERT(args[0])); }

/* public_bytes(format=ENCODING_PEM): PEM text (str) or DER (bytes). */
static Value certobj_public_bytes_m(Value *args, int nargs, Value kwnames)
{
    int format = 1;
    if (!IS_NULL(args[1]) && arg_to_int(args[1], &format) < 0) return VAL_NULL;
    if (format == 2) return ssl_cert_der(CERT(args[0]));
    if (format != 1) return err_format(&exc_ValueError, "Unsupported format");
    BIO *b = BIO_new(BIO_s_mem());
    if (!b) return ssl_err_lib(NULL, __LINE__);
    Value r = PEM_write_bio_X509(b, CERT(args[0])) ? cert_bio_str(b) : ssl_err_lib(NULL, __LINE__);
    BIO_free(b);
    return r;
}

static Value certobj_repr_m(Value *args, int nargs, Value kwnames)
{
    BIO *b = BIO_new(BIO_s_mem());
    if (!b) return ssl_err_lib(NULL, __LINE__);
    X509_NAME_print_ex(b, X509_get_subject_name(CERT(args[0])), 0, XN_FLAG_RFC2253);
    Value s = cert_bio_str(b);
    BIO_free(b);
    return IS_NULL(s) ? s : str_format_c("<%s '%U'>", val_type_name(args[0]), s);
}

static Value certobj_hash_m(Value *args, int nargs, Value kwnames)
{
    unsigned long h = X509_subject_name_hash(CERT(args[0]));
    return MK_SMALLINT((int64_t)h == -1 ? -2 : (int64_t)h);
}

static Value certobj_cmp(Value *args, int eq)
{
    if (!IS_OBJ(args[1]) || val_type(args[1]) != &type_ssl_certificate) return VAL_NOTIMPLEMENTED;
    int same = X509_cmp(CERT(args[0]), CERT(args[1])) == 0;
    return MK_BOOL(eq ? same : !same);
}

static Value certobj_eq_m(Value *args, int nargs, Value kwnames) { return certobj_cmp(args, 1); }
static Value certobj_ne_m(Value *args, int nargs, Value kwnames) { return certobj_cmp(args, 0); }

static const MethodDef certobj_methods[] = {
    {"__new__", certobj_new_m, METH_STATIC | ARGS_ANY, NULL},
    {"__repr__", certobj_repr_m, ARGS_WRAP(0), NULL},
    {"__hash__", certobj_hash_m, ARGS_WRAP(0), NULL},
    {"__eq__", certobj_eq_m, ARGS_WRAP(1), NULL},
    {"__ne__", certobj_ne_m, ARGS_WRAP(1), NULL},
    {"get_info", certobj_get_info_m, ARGS_NONE, NULL},
    {"public_bytes", certobj_public_bytes_m, ARGS_KW, NULL, "($self, /, format=ENCODING_PEM)"},
    {NULL, NULL, 0, NULL},
};

Type type_ssl_certificate = {
    .tp_name = "_ssl.Certificate", .base = &type_object,
    .basicsize = sizeof(SslCertObj), .finalize = certobj_finalize, .methods = certobj_methods,
};
GILPY_TYPE(type_ssl_certificate, NULL);
