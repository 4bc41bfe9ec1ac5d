"""scikit-learn reference for `madang evaluate --cross-validate 5`: a linear SVM over TF-IDF of
words and character 2-4-grams, 5-fold stratified, macro-F1. Usage: python3 sklearn_topics.py FILE..."""
import csv
import sys

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.pipeline import make_pipeline, make_union
from sklearn.svm import LinearSVC

TEXT = ["text", "body", "title", "headline"]
LABEL = ["label", "goal", "major_topic", "category"]

for path in sys.argv[1:]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    text = next(name for name in TEXT if name in rows[0])
    label = next(name for name in LABEL if name in rows[0])
    texts = [row[text] for row in rows]
    labels = [row[label] for row in rows]
    model = make_pipeline(
        make_union(TfidfVectorizer(sublinear_tf=True), TfidfVectorizer(analyzer="char", ngram_range=(2, 4), sublinear_tf=True)),
        LinearSVC(),
    )
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=42)
    predicted = cross_val_predict(model, texts, labels, cv=folds)
    print(f"{path}\t{f1_score(labels, predicted, average='macro'):.3f}")
