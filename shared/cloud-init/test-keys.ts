/** Public keys made with ssh-keygen for the tests (no private halves kept anywhere). */
export const KEYS = {
  ed25519: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJPzHsUVuXZGuTnV04jmLEYxnSc16cT8JwE9g7e09gEu me@lab ed25519',
  rsa: 'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABgQCOUNOy8OOob/IBbQCA8ebk3emH2DsSsUaOGbkB7GlYmZ5r+ew7CEslXUykk1lkT/W6OFQpIMhhpSiWDD9JKWssaKPFVKbJ++Ww1+BDH+H6ok8ARvMu/MTP0beytOVauoF7i7JIwmKeeC0FJ4QrufTiMXSvJxxKoX+aFx7VgP9sZXJI117ObVnLq5KmewxWJCmELlvREeZEX8VntATG+c5yupJ5owUu/33NsQtZw4ndp2OVirBcupIm3v30baSoLdbH8JOyCHvabzfjyIXKns/r3Fyifjx5FlS4E7i/LSlSypJRb/XJp/1NdFvglBBnxextWrW2fDBaLAFMByIa7uW6hmPt7mO9OogogG20baDM/IvyINYIbTsNWtz2VuR3O598IfWAzONWkdoYNslQBu2FE3EChrOy9SSoOa0YvCCF6XAjSpRKv3FdYrHCusmtT/lXe7dovT4TO8M7iIEUM3UtwSmhq6D1Qse3XAc7jXe7TBxzbHv/TZzsvZFgAshnWkM= me@lab rsa',
  ecdsa256:
    'ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBLu3J2OMQWNQ95WRdur7OewCcIaY235FfSU19IV4//iukIeFFJY6iAz6Lfiw7qfOnLmah9j8y9FiBqH5sFPNr/A= me@lab ecdsa',
  ecdsa384NoComment:
    'ecdsa-sha2-nistp384 AAAAE2VjZHNhLXNoYTItbmlzdHAzODQAAAAIbmlzdHAzODQAAABhBARwdJIRq2XYJPQEH2Ms5i9vRJtm8f4jUQtORdTf2NGc9F3XhDY1SCmSNdpg2SG4q1DMJ0qPy++yhr+VQ7ymprWMhwQYj56oKGh16fGp3Vdc/RmNQbBE7Mabc+BbdioUIQ==',
} as const;

/** sha512Crypt('pw', 'abcdefgh') and Drepper's rounds=10000 vector. */
export const HASH =
  '$6$abcdefgh$KQeXafAQAaOoKTevphVU215RvJdgzyfASRasIOuh12hO8u0r1bGW92ZnTmC9IjsiQ8VPiTXBiZF49dFL1U4wX/';
export const HASH2 =
  '$6$rounds=10000$saltstringsaltst$OW1/O6BYHV6BcXZu8QVeXbDWra3Oeqh0sbHbbMCVNSnCM/UrjmM0Dp8vOuZeHBy/YTBmSK6H9qs/y3RnOaw5v.';
