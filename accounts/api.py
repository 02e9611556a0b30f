"""Auth API: register, login (the seed's contract, byte for byte), logout, me."""

from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.models import User
from accounts.services import token_issue, token_revoke, user_authenticate, user_register
from accounts.throttling import AuthAddressThrottle, auth_attempt_check
from resume_analyzer.errors import Rejected, Unauthenticated
from resume_analyzer.openapi import ErrorSerializer
from resume_analyzer.serializers import TextOnlyCharField
from resume_analyzer.text import refuse_control_characters


def user_data(user: User) -> dict:
    return {"id": user.id, "name": user.name, "email": user.email}


class RegisterSerializer(serializers.Serializer):
    email = serializers.EmailField(max_length=254)
    password = TextOnlyCharField(max_length=128, trim_whitespace=False)
    name = TextOnlyCharField(max_length=150, validators=[refuse_control_characters])


class LoginSerializer(serializers.Serializer):
    email = serializers.EmailField()
    password = serializers.CharField()


class UserSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    email = serializers.EmailField()


TokenSerializer = inline_serializer(
    name="TokenResponse", fields={"token": serializers.CharField(), "user": UserSerializer()}
)


class RegisterView(APIView):
    authentication_classes: list = []
    permission_classes = [AllowAny]
    throttle_classes = [AuthAddressThrottle]

    @extend_schema(
        summary="Create an account",
        description="Registers a user and returns a bearer token for it, as login does. The email is "
        "stored lower-cased; the password must pass the password rules (400 `Invalid password`); an "
        "email already registered answers 409. Limited per client address and per email.",
        request=RegisterSerializer, responses={201: TokenSerializer, 400: ErrorSerializer, 409: ErrorSerializer},
    )
    def post(self, request: Request) -> Response:
        data = RegisterSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        auth_attempt_check(request, email=data.validated_data["email"], address=False)
        user = user_register(**data.validated_data)
        issued = token_issue(user=user)
        return Response({"token": issued.raw, "user": user_data(user)}, status=status.HTTP_201_CREATED)


class LoginView(APIView):
    authentication_classes: list = []
    permission_classes = [AllowAny]
    throttle_classes = [AuthAddressThrottle]

    @extend_schema(
        summary="Log in and get a bearer token",
        description="Exchanges email and password for a new bearer token (valid for `API_TOKEN_TTL_DAYS`, "
        "30 by default). Missing fields answer 400 `Email and password are required`, wrong ones 401 "
        "`Invalid credentials`. Limited per client address and per email.",
        request=LoginSerializer, responses={200: TokenSerializer, 400: ErrorSerializer, 401: ErrorSerializer},
    )
    def post(self, request: Request) -> Response:
        payload = request.data if isinstance(request.data, dict) else {}
        email, password = payload.get("email"), payload.get("password")
        if not isinstance(email, str) or not isinstance(password, str) or not email or not password:
            raise Rejected("Email and password are required")
        auth_attempt_check(request, email=email, address=False)
        user = user_authenticate(email=email, password=password)
        if user is None:
            raise Unauthenticated("Invalid credentials")
        issued = token_issue(user=user)
        return Response({"token": issued.raw, "user": user_data(user)})


class LogoutView(APIView):
    @extend_schema(
        summary="Log out (revoke this token)",
        description="Revokes the bearer token the request was made with, and closes the chat "
        "connections that authenticated with it. Other tokens of the user stay valid.",
        request=None,
        responses={200: inline_serializer(name="LogoutResponse", fields={"success": serializers.BooleanField(), "message": serializers.CharField()})},
    )
    def post(self, request: Request) -> Response:
        token_revoke(token=request.auth)
        return Response({"success": True, "message": "Logged out"})


class MeView(APIView):
    @extend_schema(
        summary="The current user",
        description="The id, name and email of the user the bearer token belongs to.",
        responses={200: UserSerializer, 401: ErrorSerializer},
    )
    def get(self, request: Request) -> Response:
        return Response(user_data(request.user))
