/*
 * Test-only stand-in for Windows' bcryptprimitives.dll, which wine 8 lacks.
 * Rust's standard library (1.78 and later) draws its random numbers (for
 * HashMap keys) from ProcessPrng in that DLL; without it every Rust program
 * fails to start under wine. This DLL exports ProcessPrng and fills the
 * buffer through RtlGenRandom (advapi32's SystemFunction036), which wine
 * has. Built and installed into the wine prefix by windows/run-tests.sh;
 * never shipped: real Windows 10 and later have the real DLL.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk)) {
            return FALSE;
        }
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
