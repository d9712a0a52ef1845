#!/usr/bin/env python3
"""Makes the golden vectors of TestEnvelope outside HiveMind's code.

libsodium's crypto_kdf_derive_from_key is BLAKE2b (hashlib); XChaCha20-Poly1305
is HChaCha20 (written out here) + the IETF ChaCha20-Poly1305 of the
`cryptography` package (python3-cryptography). Both are checked against the
XChaCha draft's own vectors first. Prints the constants TestEnvelope holds.
"""
import hashlib, struct, base64
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

def rotl(v, c): return ((v << c) & 0xffffffff) | (v >> (32 - c))
def qr(s, a, b, c, d):
    s[a]=(s[a]+s[b])&0xffffffff; s[d]=rotl(s[d]^s[a],16)
    s[c]=(s[c]+s[d])&0xffffffff; s[b]=rotl(s[b]^s[c],12)
    s[a]=(s[a]+s[b])&0xffffffff; s[d]=rotl(s[d]^s[a],8)
    s[c]=(s[c]+s[d])&0xffffffff; s[b]=rotl(s[b]^s[c],7)
def hchacha20(key, nonce16):
    s = [0x61707865,0x3320646e,0x79622d32,0x6b206574] + list(struct.unpack('<8I', key)) + list(struct.unpack('<4I', nonce16))
    for _ in range(10):
        qr(s,0,4,8,12); qr(s,1,5,9,13); qr(s,2,6,10,14); qr(s,3,7,11,15)
        qr(s,0,5,10,15); qr(s,1,6,11,12); qr(s,2,7,8,13); qr(s,3,4,9,14)
    return struct.pack('<8I', *(s[0:4]+s[12:16]))
def xseal(key, nonce24, pt, ad):
    sub = hchacha20(key, nonce24[:16])
    return ChaCha20Poly1305(sub).encrypt(b'\0'*4 + nonce24[16:], pt, ad)

# draft-irtf-cfrg-xchacha-03 2.2.1
k = bytes(range(32)); n = bytes.fromhex('000000090000004a0000000031415927')
assert hchacha20(k, n).hex() == '82413b4227b27bfed30e42508a877d73a0f9e4d58a74a853c12ec41326d3ecdc'
# draft A.3.1 AEAD vector
pt = b"Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it."
aad = bytes.fromhex('50515253c0c1c2c3c4c5c6c7')
key = bytes(range(0x80, 0xa0))
iv = bytes.fromhex('404142434445464748494a4b4c4d4e4f5051525354555657')
ct = xseal(key, iv, pt, aad)
assert ct[-16:].hex() == 'c0875924c1c7987947deafd8780acf49', ct[-16:].hex()

def kdf(master, subkey_id):
    # libsodium crypto_kdf_derive_from_key: BLAKE2b-256, key = master,
    # salt = id (LE u64) || 8 zero bytes, personal = context || 8 zero bytes
    return hashlib.blake2b(b'', digest_size=32, key=master,
                           salt=struct.pack('<Q', subkey_id) + b'\0'*8,
                           person=b'HiveMind' + b'\0'*8).digest()

master = bytes(range(0x00, 0x20))
for i in (1,2,3):
    print('subkey', i, kdf(master, i).hex())
wrap = kdf(master, 2)
dek1 = bytes(range(0x40, 0x60))
dek2 = bytes(range(0x60, 0x80))
wn1 = bytes(range(0xa0, 0xb8))
wn2 = bytes(range(0xb8, 0xd0))
w1 = xseal(wrap, wn1, dek1, b'hivemind-dek:CREDENTIAL:1')
w2 = xseal(wrap, wn2, dek2, b'hivemind-dek:CREDENTIAL:2')
print('wrapnonce1', wn1.hex()); print('wrapped1', w1.hex())
print('wrapnonce2', wn2.hex()); print('wrapped2', w2.hex())
pt = 'pässwörd: hunter2'.encode()
rn1 = bytes(range(0xd0, 0xe8))
rn2 = bytes(range(0xe8, 0x100))
c1 = xseal(dek1, rn1, pt, b'record-1')
c2 = xseal(dek2, rn2, pt, b'record-2')
print('pt', pt.hex())
print('ct1', 'v1:' + base64.b64encode(rn1).decode() + ':' + base64.b64encode(c1).decode())
print('ct2', 'v2:' + base64.b64encode(rn2).decode() + ':' + base64.b64encode(c2).decode())
