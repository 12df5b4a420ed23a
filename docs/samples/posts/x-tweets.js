window.YTD.tweets.part0 = [
  {
    "tweet" : {
      "edit_info" : { "initial" : { "editTweetIds" : [ "1945312345678901234" ], "editableUntil" : "2025-07-16T04:12:45.000Z", "editsRemaining" : "5", "isEditEligible" : true } },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ { "text" : "PilkadaKediri", "indices" : [ "76", "90" ] } ],
        "symbols" : [ ],
        "user_mentions" : [ { "name" : "KPU RI", "screen_name" : "KPU_ID", "indices" : [ "91", "98" ], "id_str" : "128706520", "id" : "128706520" } ],
        "urls" : [ ]
      },
      "display_text_range" : [ "0", "98" ],
      "favorite_count" : "12",
      "id_str" : "1945312345678901234",
      "truncated" : false,
      "retweet_count" : "5",
      "id" : "1945312345678901234",
      "created_at" : "Wed Jul 16 03:12:45 +0000 2025",
      "favorited" : false,
      "full_text" : "Cek status Anda sebagai pemilih di cekdptonline.kpu.go.id sebelum 20 Juli. #PilkadaKediri @KPU_ID",
      "lang" : "in"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "entities" : { "hashtags" : [ ], "symbols" : [ ], "user_mentions" : [ ], "urls" : [ ] },
      "favorite_count" : "30",
      "id_str" : "1957001234567890123",
      "retweet_count" : "2",
      "id" : "1957001234567890123",
      "created_at" : "Sun Aug 17 00:05:00 +0000 2025",
      "full_text" : "Dirgahayu ke-80 Republik Indonesia. Bersatu berdaulat, rakyat sejahtera, Indonesia maju!",
      "lang" : "in"
    }
  }
]
