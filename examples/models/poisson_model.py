#!/usr/bin/env python3
"""A time-decayed Poisson goal model with the Dixon-Coles low-score correction, as an
Edgeline external model (protocol version 1, docs/external-models.md). Standard library only.

Home goals ~ Poisson(home * attack[home] * defence[away]), away goals ~ Poisson(attack[away] *
defence[home]); each past match weighs exp(-XI * age in days), so last season counts about half
as much as this one. Ratings are fitted by the weighted maximum-likelihood fixed point (each
team's attack = weighted goals scored / weighted goals expected), shrunk towards the league
average by a few pseudo-matches so a team with little history is not extreme. Teams with no
history at all (promoted sides) start at the average of the three weakest teams.

Edgeline starts this once per run and talks to it over stdin/stdout, one JSON object per line.
Logs go to stderr: stdout carries only answers.
"""
import csv
import json
import math
import os
import sys
import time
from datetime import date

PROTOCOL_VERSION = 1
XI_PER_DAY = 0.0019
WINDOW_DAYS = 1100
PRIOR_MATCHES = 3.0
RHO = -0.08
MAX_GOALS = 10
ITERATIONS = 60


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def fit(history_rows, cutoff):
    cutoff_day = date.fromisoformat(cutoff)
    games = []
    for row in history_rows:
        age = (cutoff_day - date.fromisoformat(row["Date"])).days
        if age <= 0:
            raise ValueError(f"history row {row['Id']} is dated {row['Date']}, not before the cutoff {cutoff}")
        if age > WINDOW_DAYS:
            continue
        games.append((row["HomeTeam"], row["AwayTeam"], int(row["FTHG"]), int(row["FTAG"]), math.exp(-XI_PER_DAY * age)))
    teams = sorted({g[0] for g in games} | {g[1] for g in games})
    attack = {t: 1.0 for t in teams}
    defence = {t: 1.0 for t in teams}
    total_weight = sum(g[4] for g in games)
    home = sum(g[4] * g[2] for g in games) / max(1e-9, sum(g[4] * g[3] for g in games))
    mean_goals = sum(g[4] * (g[2] + g[3]) for g in games) / max(1e-9, 2 * total_weight)
    for _ in range(ITERATIONS):
        scored = {t: PRIOR_MATCHES * mean_goals for t in teams}
        scored_expected = {t: PRIOR_MATCHES * mean_goals for t in teams}
        for h, a, hg, ag, w in games:
            scored[h] += w * hg
            scored_expected[h] += w * home * defence[a] * mean_goals
            scored[a] += w * ag
            scored_expected[a] += w * defence[h] * mean_goals
        attack = {t: scored[t] / scored_expected[t] for t in teams}
        conceded = {t: PRIOR_MATCHES * mean_goals for t in teams}
        conceded_expected = {t: PRIOR_MATCHES * mean_goals for t in teams}
        for h, a, hg, ag, w in games:
            conceded[a] += w * hg
            conceded_expected[a] += w * home * attack[h] * mean_goals
            conceded[h] += w * ag
            conceded_expected[h] += w * attack[a] * mean_goals
        defence = {t: conceded[t] / conceded_expected[t] for t in teams}
        scale = sum(attack.values()) / len(teams)
        attack = {t: v / scale for t, v in attack.items()}
        defence = {t: v * scale for t, v in defence.items()}
        home_goals = sum(w * hg for _, _, hg, _, w in games)
        home_expected = sum(w * attack[h] * defence[a] * mean_goals for h, a, _, _, w in games)
        home = home_goals / home_expected
    weakest = sorted(teams, key=lambda t: attack[t] / defence[t])[:3]
    newcomer = {
        "attack": sum(attack[t] for t in weakest) / len(weakest),
        "defence": sum(defence[t] for t in weakest) / len(weakest),
    }
    return {"cutoff": cutoff, "home": home, "mean_goals": mean_goals, "attack": attack, "defence": defence, "newcomer": newcomer}


def poisson(k, mean):
    return math.exp(-mean) * mean ** k / math.factorial(k)


def tau(x, y, lh, la):
    if x == 0 and y == 0:
        return 1 - lh * la * RHO
    if x == 0 and y == 1:
        return 1 + lh * RHO
    if x == 1 and y == 0:
        return 1 + la * RHO
    if x == 1 and y == 1:
        return 1 - RHO
    return 1.0


def price(ratings, home_team, away_team):
    new = ratings["newcomer"]
    ah = ratings["attack"].get(home_team, new["attack"])
    dh = ratings["defence"].get(home_team, new["defence"])
    aa = ratings["attack"].get(away_team, new["attack"])
    da = ratings["defence"].get(away_team, new["defence"])
    lh = ratings["home"] * ah * da * ratings["mean_goals"]
    la = aa * dh * ratings["mean_goals"]
    ph = pd = pa = 0.0
    for x in range(MAX_GOALS + 1):
        px = poisson(x, lh)
        for y in range(MAX_GOALS + 1):
            p = px * poisson(y, la) * tau(x, y, lh, la)
            if x > y:
                ph += p
            elif x == y:
                pd += p
            else:
                pa += p
    total = ph + pd + pa
    return ph / total, pd / total, pa / total


def main():
    models = {}
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        kind = request["type"]
        started = time.perf_counter()
        if kind == "hello":
            answer = {"type": "hello", "protocol": PROTOCOL_VERSION, "name": "time-decayed Poisson (Dixon-Coles)"}
        elif kind == "train":
            ratings = fit(read_csv(request["history"]), request["cutoff"])
            with open(os.path.join(request["stateDir"], "ratings.json"), "w", encoding="utf-8") as handle:
                json.dump(ratings, handle, sort_keys=True)
            models[request["stateDir"]] = ratings
            answer = {"type": "trained", "id": request["id"]}
        elif kind == "predict":
            ratings = models.get(request["stateDir"])
            if ratings is None:
                with open(os.path.join(request["stateDir"], "ratings.json"), encoding="utf-8") as handle:
                    ratings = json.load(handle)
            predictions = []
            for row in read_csv(request["fixtures"]):
                ph, pd, pa = price(ratings, row["HomeTeam"], row["AwayTeam"])
                predictions.append({"id": row["Id"], "pH": ph, "pD": pd, "pA": pa})
            answer = {"type": "predictions", "id": request["id"], "predictions": predictions}
        elif kind == "shutdown":
            return
        else:
            answer = {"type": "error", "id": request.get("id"), "message": f"unknown request type {kind!r}"}
        if kind in ("train", "predict"):
            answer["computeMs"] = (time.perf_counter() - started) * 1000
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
