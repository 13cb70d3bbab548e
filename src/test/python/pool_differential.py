#!/usr/bin/env python3
"""The same boto3 session against any Cognito-compatible endpoint (moto_server, cogauth local-pool).

Prints one JSON line per step: its name, "ok" or the error code, the answer's top-level keys, the
essential nested keys present, and a few values. dev.cogauth.it.PoolDifferentialIT runs it against
both servers and compares the lines; the deliberate differences are listed there and in
docs/local-pool-api.md.

Usage: pool_differential.py --endpoint URL [--outbox DIR]
  --outbox  where the server writes the codes it sends (the local pool); without it the
            confirmation code sent is taken to be 123456 (moto accepts any code).
"""
import argparse
import glob
import json
import os
import sys

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

STRONG = "Str0ng-Passw0rd!"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--endpoint", required=True)
    parser.add_argument("--outbox")
    args = parser.parse_args()
    # Any credentials: both servers accept SigV4 signatures without checking them.
    cognito = boto3.client("cognito-idp", endpoint_url=args.endpoint, region_name="us-east-1",
                           aws_access_key_id="testing", aws_secret_access_key="testing",
                           config=Config(retries={"max_attempts": 1}))
    identity = boto3.client("cognito-identity", endpoint_url=args.endpoint, region_name="us-east-1",
                            aws_access_key_id="testing", aws_secret_access_key="testing",
                            config=Config(retries={"max_attempts": 1}))

    def step(name, call, essential=(), values=()):
        try:
            answer = call()
        except ClientError as e:
            print(json.dumps({"step": name, "outcome": e.response["Error"]["Code"]}), flush=True)
            return None
        answer.pop("ResponseMetadata", None)
        line = {"step": name, "outcome": "ok", "keys": sorted(answer)}
        if essential:
            line["has"] = {path: lookup(answer, path) is not None for path in essential}
        if values:
            line["values"] = {path: lookup(answer, path) for path in values}
        print(json.dumps(line), flush=True)
        return answer

    def code_for(username):
        if not args.outbox:
            return "123456"
        messages = sorted(glob.glob(os.path.join(args.outbox, "*.json")))
        for path in reversed(messages):
            with open(path) as f:
                message = json.load(f)
            if message["username"] == username:
                return message["code"]
        raise SystemExit("no code for " + username + " in " + args.outbox)

    pool = step("create pool", lambda: cognito.create_user_pool(PoolName="differential", AutoVerifiedAttributes=["email"], Policies={
        "PasswordPolicy": {"MinimumLength": 8, "RequireUppercase": True, "RequireLowercase": True,
                           "RequireNumbers": True, "RequireSymbols": True}}),
        essential=("UserPool.Id", "UserPool.Name", "UserPool.Arn", "UserPool.CreationDate",
                   "UserPool.Policies.PasswordPolicy.MinimumLength"),
        values=("UserPool.Name",))
    pool_id = pool["UserPool"]["Id"]
    client = step("create client", lambda: cognito.create_user_pool_client(
        UserPoolId=pool_id, ClientName="app",
        ExplicitAuthFlows=["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]),
        essential=("UserPoolClient.ClientId", "UserPoolClient.ClientName", "UserPoolClient.UserPoolId",
                   "UserPoolClient.ExplicitAuthFlows"),
        values=("UserPoolClient.ClientName",))
    client_id = client["UserPoolClient"]["ClientId"]

    step("seed user", lambda: cognito.admin_create_user(
        UserPoolId=pool_id, Username="seed", TemporaryPassword="Temp-Passw0rd!", MessageAction="SUPPRESS",
        UserAttributes=[{"Name": "email", "Value": "seed@example.com"}]),
        essential=("User.Username", "User.Attributes", "User.UserStatus", "User.Enabled", "User.UserCreateDate"),
        values=("User.UserStatus", "User.Enabled"))
    step("seed user's password", lambda: cognito.admin_set_user_password(
        UserPoolId=pool_id, Username="seed", Password=STRONG, Permanent=True))
    step("get seed user", lambda: cognito.admin_get_user(UserPoolId=pool_id, Username="seed"),
         values=("UserStatus", "Enabled", "Username"))
    step("duplicate user", lambda: cognito.admin_create_user(UserPoolId=pool_id, Username="seed",
                                                             MessageAction="SUPPRESS"))
    step("weak password", lambda: cognito.sign_up(ClientId=client_id, Username="weak", Password="weak",
                                                  UserAttributes=[{"Name": "email", "Value": "weak@example.com"}]))
    step("sign up", lambda: cognito.sign_up(ClientId=client_id, Username="newbie", Password=STRONG,
                                            UserAttributes=[{"Name": "email", "Value": "newbie@example.com"}]),
         essential=("UserSub",), values=("UserConfirmed",))
    step("sign up again", lambda: cognito.sign_up(ClientId=client_id, Username="newbie", Password=STRONG))
    password_auth = lambda user, password: lambda: cognito.initiate_auth(  # noqa: E731
        ClientId=client_id, AuthFlow="USER_PASSWORD_AUTH", AuthParameters={"USERNAME": user, "PASSWORD": password})
    step("unconfirmed sign-in", password_auth("newbie", STRONG))
    step("get unconfirmed user", lambda: cognito.admin_get_user(UserPoolId=pool_id, Username="newbie"),
         values=("UserStatus",))
    wrong = "000000" if code_for("newbie") != "000000" else "111111"
    step("confirm with a wrong code", lambda: cognito.confirm_sign_up(
        ClientId=client_id, Username="newbie", ConfirmationCode=wrong))
    step("confirm", lambda: cognito.confirm_sign_up(ClientId=client_id, Username="newbie",
                                                    ConfirmationCode=code_for("newbie")))
    step("get confirmed user", lambda: cognito.admin_get_user(UserPoolId=pool_id, Username="newbie"),
         values=("UserStatus",))
    step("confirmed sign-in", password_auth("newbie", STRONG),
         essential=("AuthenticationResult.IdToken", "AuthenticationResult.AccessToken",
                    "AuthenticationResult.RefreshToken"),
         values=("AuthenticationResult.TokenType", "AuthenticationResult.ExpiresIn"))
    signed_in = step("sign-in for the identity pool", password_auth("newbie", STRONG))
    provider = "cognito-idp.us-east-1.amazonaws.com/" + pool_id
    identity_pool = step("create identity pool", lambda: identity.create_identity_pool(
        IdentityPoolName="differential", AllowUnauthenticatedIdentities=False,
        CognitoIdentityProviders=[{"ProviderName": provider, "ClientId": client_id}]),
        essential=("IdentityPoolId", "IdentityPoolName", "CognitoIdentityProviders"),
        values=("IdentityPoolName", "AllowUnauthenticatedIdentities"))
    logins = {provider: signed_in["AuthenticationResult"]["IdToken"]}
    identity_id = step("get id", lambda: identity.get_id(
        IdentityPoolId=identity_pool["IdentityPoolId"], Logins=logins), essential=("IdentityId",))["IdentityId"]
    step("get credentials for identity", lambda: identity.get_credentials_for_identity(
        IdentityId=identity_id, Logins=logins),
        essential=("IdentityId", "Credentials.AccessKeyId", "Credentials.SecretKey", "Credentials.SessionToken",
                   "Credentials.Expiration"))
    step("wrong password", password_auth("newbie", "Wr0ng-Passw0rd!"))
    step("unknown user", password_auth("nobody", STRONG))

    def usernames(answer):
        return sorted(user["Username"] for user in answer["Users"])
    listed = step("list with an exact filter", lambda: cognito.list_users(
        UserPoolId=pool_id, Filter='username = "seed"'))
    print(json.dumps({"step": "exact filter finds", "outcome": usernames(listed)}), flush=True)
    listed = step("list with a prefix filter", lambda: cognito.list_users(
        UserPoolId=pool_id, Filter='email ^= "new"'))
    print(json.dumps({"step": "prefix filter finds", "outcome": usernames(listed)}), flush=True)

    step("forgot password", lambda: cognito.forgot_password(ClientId=client_id, Username="seed"),
         essential=("CodeDeliveryDetails.Destination", "CodeDeliveryDetails.DeliveryMedium"),
         values=("CodeDeliveryDetails.DeliveryMedium", "CodeDeliveryDetails.AttributeName"))
    step("confirm forgot password", lambda: cognito.confirm_forgot_password(
        ClientId=client_id, Username="seed", ConfirmationCode=code_for("seed"), Password="N3w-Passw0rd!"))
    step("new password signs in", password_auth("seed", "N3w-Passw0rd!"),
         essential=("AuthenticationResult.AccessToken",))

    step("delete user", lambda: cognito.admin_delete_user(UserPoolId=pool_id, Username="newbie"))
    step("get deleted user", lambda: cognito.admin_get_user(UserPoolId=pool_id, Username="newbie"))
    step("unknown client", lambda: cognito.initiate_auth(
        ClientId="nosuchclient0000000000000", AuthFlow="USER_PASSWORD_AUTH",
        AuthParameters={"USERNAME": "seed", "PASSWORD": STRONG}))
    step("delete client", lambda: cognito.delete_user_pool_client(UserPoolId=pool_id, ClientId=client_id))
    step("describe deleted client", lambda: cognito.describe_user_pool_client(UserPoolId=pool_id, ClientId=client_id))
    step("delete pool", lambda: cognito.delete_user_pool(UserPoolId=pool_id))
    step("describe deleted pool", lambda: cognito.describe_user_pool(UserPoolId=pool_id))


def lookup(answer, path):
    node = answer
    for part in path.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    if hasattr(node, "isoformat"):
        return "a timestamp"
    return node


if __name__ == "__main__":
    sys.exit(main())
