"""klantstem: the customer's voice and the process's voice, turned into knowledge a service team can act on."""

__version__ = "0.1.0"
