"""Where: place names geocoded with an offline gazetteer.

    from communique.places import lookup_place
    lookup_place("Istanbul").country          # "TUR"
    lookup_place("Tripoli", ["LBN"]).country  # "LBN": the article is about Lebanon
"""

from .gazetteer import Gazetteer, Place, distance_km, gazetteer, lookup_place

__all__ = ["Gazetteer", "Place", "distance_km", "gazetteer", "lookup_place"]
