"""commgen: vetted, privacy-safe school communication after a sexting incident."""

__version__ = "0.1.0"
