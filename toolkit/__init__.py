"""Pangan Aman Toolkit: food-safety training modules, calculators and workshop tools.

Import topics from their subpackages (``toolkit.labels``, ``toolkit.shelflife`` …); this
package itself imports nothing heavy so that a trainee's page loads only what it needs.
"""

__version__ = "0.1.0"
