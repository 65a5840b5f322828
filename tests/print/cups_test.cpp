// The CUPS tests are written below.
